package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * GradNorm (Chen et al. 2018): learned task weights w_i, starting at 1. After each step, with
 * n_i = ‖∇_W L_i‖ measured at the last shared layer (or the shared representation), G_i = w_i·n_i,
 * their mean Ḡ, the inverse training rates r_i = L̃_i / mean(L̃) where L̃_i = L_i(t)/L_i(0), the
 * weights descend {@code Σ_i |G_i − Ḡ·r_i^α|} (the target held constant), whose gradient in w_i is
 * {@code sign(G_i − Ḡ r_i^α)·n_i}, by Adam; then they are renormalised to sum to the number of tasks.
 * A task that trains slower than the others (a larger r_i) gets a larger gradient and so a larger weight.
 */
final class GradNormWeighting implements LossWeighting {
    /** Weights are kept above this share of their mean, so none turns negative. */
    private static final double FLOOR = 1e-3;
    private final GradNormConfig config;
    private double[] weights;
    private double[] initialLosses;
    private Adam adam;

    GradNormWeighting(GradNormConfig config) {
        this.config = config;
    }

    @Override
    public void start(WeightingContext context) {
        weights = new double[context.size()];
        java.util.Arrays.fill(weights, 1.0);
        adam = new Adam(context.size(), config.lr() == null ? context.learningRate() : config.lr());
    }

    @Override
    public GradientSite gradientNorms() {
        return config.gradients();
    }

    @Override
    public double[] weights(BatchLosses batch) {
        return weights.clone();
    }

    @Override
    public void stepDone(BatchLosses batch, double[] norms) {
        int k = weights.length;
        double[] losses = batch.losses();
        if (initialLosses == null) {
            initialLosses = losses.clone();
        }
        double meanNorm = 0;
        double meanRatio = 0;
        double[] ratio = new double[k];
        for (int i = 0; i < k; i++) {
            meanNorm += weights[i] * norms[i] / k;
            ratio[i] = initialLosses[i] > 0 ? losses[i] / initialLosses[i] : 1.0;
            meanRatio += ratio[i] / k;
        }
        double[] gradient = new double[k];
        for (int i = 0; i < k; i++) {
            double target = meanNorm * Math.pow(ratio[i] / meanRatio, config.alpha());
            gradient[i] = Math.signum(weights[i] * norms[i] - target) * norms[i];
        }
        adam.step(weights, gradient, null);
        renormalise();
    }

    private void renormalise() {
        int k = weights.length;
        double sum = 0;
        for (double w : weights) {
            sum += Math.max(w, 0);
        }
        double floor = FLOOR * Math.max(sum, 1e-12) / k;
        sum = 0;
        for (int i = 0; i < k; i++) {
            weights[i] = Math.max(weights[i], floor);
            sum += weights[i];
        }
        for (int i = 0; i < k; i++) {
            weights[i] *= k / sum;
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new HashMap<>();
        state.put("weights", States.list(weights));
        state.put("adam", adam.state());
        if (initialLosses != null) {
            state.put("initialLosses", States.list(initialLosses));
        }
        return state;
    }

    @Override
    public void restore(Map<String, Object> state) {
        States.fill(weights, state.get("weights"), "weights");
        adam.restore(States.map(state, "adam"));
        initialLosses = state.containsKey("initialLosses")
                ? States.doubles(state.get("initialLosses"), weights.length, "initialLosses") : null;
    }
}
