package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.Map;

/**
 * Homoscedastic uncertainty weighting (Kendall, Gal and Cipolla 2018): a learned s_i = log σ_i² per
 * task and the joint loss {@code Σ L_i / (2σ_i²) + log σ_i}, i.e. λ_i = exp(−s_i)/2, with s_i trained
 * by Adam on the gradient of that loss, {@code 1/2 − L_i exp(−s_i)/2}, at every step. The minimum
 * is at σ_i² = L_i: for a regression task with mean squared error, the noise variance. The form of
 * the regression likelihood is used for every task, as in LibMTL.
 */
final class UncertaintyWeighting implements LossWeighting {
    private final UncertaintyConfig config;
    private double[] logVariance;
    private Adam adam;

    UncertaintyWeighting(UncertaintyConfig config) {
        this.config = config;
    }

    @Override
    public void start(WeightingContext context) {
        logVariance = new double[context.size()];
        java.util.Arrays.fill(logVariance, config.init());
        adam = new Adam(context.size(), config.lr() == null ? context.learningRate() : config.lr());
    }

    @Override
    public boolean allowsPartialBatches() {
        return true;
    }

    @Override
    public double[] weights(BatchLosses batch) {
        double[] lambda = new double[logVariance.length];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = Math.exp(-logVariance[i]) / 2;
        }
        return lambda;
    }

    @Override
    public void stepDone(BatchLosses batch, double[] gradientNorms) {
        double[] gradient = new double[logVariance.length];
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = 0.5 - batch.losses()[i] * Math.exp(-logVariance[i]) / 2;
        }
        // a task without labels in the batch has no loss term, so its s_i has no gradient either
        adam.step(logVariance, gradient, batch.present());
    }

    /** σ_i, the learned standard deviation of each task. */
    double[] sigma() {
        double[] sigma = new double[logVariance.length];
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = Math.exp(logVariance[i] / 2);
        }
        return sigma;
    }

    @Override
    public Map<String, Object> state() {
        return Map.of("logVariance", States.list(logVariance), "adam", adam.state());
    }

    @Override
    public void restore(Map<String, Object> state) {
        States.fill(logVariance, state.get("logVariance"), "logVariance");
        adam.restore(States.map(state, "adam"));
    }
}
