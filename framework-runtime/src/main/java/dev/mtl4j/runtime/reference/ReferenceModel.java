package dev.mtl4j.runtime.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model trained beside the network on the same encoded rows, to show where the network stands:
 * XGBoost's defaults (the scikit-learn wrapper's: 100 rounds, η 0.3, depth 6) and its linear booster
 * with scikit-learn's default L2 penalty: XGBoost multiplies its {@code lambda} by the rows' total
 * weight, so {@code lambda = 1 / rows} is a penalty of 1 on the loss summed over rows, as
 * {@code Ridge(alpha=1)} and (up to a factor of 2) {@code LogisticRegression(C=1)}.
 */
public enum ReferenceModel {
    /** Gradient-boosted trees with XGBoost's default settings. */
    GBM("gbm", "gradient boosting (XGBoost gbtree, defaults: 100 rounds, eta 0.3, depth 6)", 100),
    /** A linear or logistic regression: XGBoost's gblinear booster, coordinate descent. */
    LINEAR("linear", "linear/logistic regression (XGBoost gblinear, coordinate descent, L2 penalty 1 on summed loss)", 500);

    private final String label;
    private final String description;
    private final int rounds;

    ReferenceModel(String label, String description, int rounds) {
        this.label = label;
        this.description = description;
        this.rounds = rounds;
    }

    /** The column name in tables and files: {@code gbm}, {@code linear}. */
    public String label() {
        return label;
    }

    /** What it is, for the output's header. */
    public String description() {
        return description;
    }

    int rounds() {
        return rounds;
    }

    /** XGBoost's parameters for an objective ({@code reg:squarederror}, {@code binary:logistic}, {@code multi:softprob}). */
    Map<String, Object> parameters(String objective, int classes, int rows, long seed) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("objective", objective);
        if (classes > 0) {
            parameters.put("num_class", classes);
        }
        parameters.put("nthread", 1); // the caller runs models side by side when it wants more cores
        parameters.put("seed", seed);
        parameters.put("verbosity", 0);
        if (this == GBM) {
            parameters.put("eta", 0.3);
            parameters.put("max_depth", 6);
        } else {
            parameters.put("booster", "gblinear");
            parameters.put("updater", "coord_descent");
            parameters.put("lambda", 1.0 / Math.max(1, rows));
            parameters.put("alpha", 0.0);
            parameters.put("eta", 0.5);
        }
        return parameters;
    }
}
