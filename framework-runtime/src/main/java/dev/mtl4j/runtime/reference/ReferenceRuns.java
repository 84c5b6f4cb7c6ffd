package dev.mtl4j.runtime.reference;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.TargetEncoder;
import dev.mtl4j.runtime.eval.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the {@link ReferenceModel}s on a prepared pipeline's training rows, one model per task (and
 * per output of a regression or multi-label task, on the rows where it is labelled), and measures
 * them on the validation and test rows with the network's own metric code. The features are the
 * network's encoded inputs (one-hot categories, standardised numbers, missing-value indicators), so
 * the comparison is on the same split and the same information.
 */
public final class ReferenceRuns {
    static final String XGBOOST_CLASS = "ml.dmlc.xgboost4j.java.XGBoost";

    private ReferenceRuns() {
    }

    /** Whether XGBoost4J is on the class path (it is an optional dependency of the runtime). */
    public static boolean available() {
        try {
            Class.forName(XGBOOST_CLASS, false, ReferenceRuns.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Model to split ({@code validation}, {@code test}) to task to metric to value.
     *
     * @throws MtlException PLUGIN_LOAD_FAILED when XGBoost4J is not on the class path; CONFIG_INVALID
     *     for token-sequence (text) features
     */
    public static Map<String, Map<String, Map<String, Map<String, Double>>>> run(PreparedPipeline prepared,
                                                                                 List<ReferenceModel> models, long seed) {
        if (!available()) {
            throw new MtlException(ErrorCategory.PLUGIN_LOAD_FAILED, "reference models need XGBoost4J on the class path "
                    + "(ml.dmlc:xgboost4j_2.12:2.1.4 with com.esotericsoftware:kryo and commons-logging; the mtl distribution has them)");
        }
        if (prepared.train().featureMask() != null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, "reference models read tabular features; pipeline '"
                    + prepared.spec().name() + "' encodes text as token sequences");
        }
        Map<String, EncodedData> splits = new LinkedHashMap<>();
        if (prepared.validation() != null && prepared.validation().size() > 0) {
            splits.put("validation", prepared.validation());
        }
        if (prepared.test() != null && prepared.test().size() > 0) {
            splits.put("test", prepared.test());
        }
        Map<String, Map<String, Map<String, Map<String, Double>>>> result = new LinkedHashMap<>();
        for (ReferenceModel model : models) {
            Map<String, Map<String, Map<String, Double>>> bySplit = new LinkedHashMap<>();
            List<TaskSpec> tasks = prepared.spec().tasks();
            for (int t = 0; t < tasks.size(); t++) {
                TargetEncoder target = prepared.preprocessor().target(tasks.get(t).name());
                Map<String, float[]> predictions = XgboostTask.fitAndPredict(model, target.info().kind(), target.width(),
                        prepared.train(), t, splits, seed);
                for (Map.Entry<String, EncodedData> split : splits.entrySet()) {
                    bySplit.computeIfAbsent(split.getKey(), s -> new LinkedHashMap<>()).put(tasks.get(t).name(),
                            measure(target, split.getValue(), t, predictions.get(split.getKey())));
                }
            }
            result.put(model.label(), bySplit);
        }
        return result;
    }

    private static Map<String, Double> measure(TargetEncoder target, EncodedData rows, int task, float[] predicted) {
        TargetKind kind = target.info().kind();
        float[] labels = flat(rows.labels().get(task));
        INDArray mask = rows.masks().get(task);
        if (kind == TargetKind.NUMERIC) {
            predicted = target.restore(predicted);
            labels = target.restore(labels);
        }
        return Metrics.compute(kind, target.width(), predicted, labels, mask == null ? null : flat(mask),
                mask == null ? 0 : (int) mask.size(1));
    }

    /** Row-major floats of a 2-d array (a view or not). */
    static float[] flat(INDArray array) {
        return array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
