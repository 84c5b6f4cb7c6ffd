package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Dynamic weight average (Liu, Johns and Davison 2019): λ_k(t) = K·softmax_k(w_k(t−1)/T), with
 * w_k(t−1) = L_k(t−1)/L_k(t−2) the ratio of task k's mean training losses in the last two epochs;
 * λ = 1 in the first two epochs. A task whose loss stops falling gets a larger weight. Each task's
 * mean is over the batches that held its labels, so tasks with their own data sets are weighted the
 * same way.
 */
final class DwaWeighting implements LossWeighting {
    private final double temperature;
    private double[] lambda;
    /** The mean losses of the last epoch and of the one before (null until seen). */
    private double[] last;
    private double[] beforeLast;

    DwaWeighting(DwaConfig config) {
        this.temperature = config.temperature();
    }

    @Override
    public void start(WeightingContext context) {
        lambda = new double[context.size()];
        java.util.Arrays.fill(lambda, 1.0);
    }

    @Override
    public boolean allowsPartialBatches() {
        return true;
    }

    @Override
    public double[] weights(BatchLosses batch) {
        return lambda;
    }

    @Override
    public void epochDone(int epoch, double[] meanLosses) {
        beforeLast = last;
        last = meanLosses.clone();
        if (beforeLast != null) {
            lambda = weightsFrom(last, beforeLast);
        }
    }

    private double[] weightsFrom(double[] recent, double[] earlier) {
        int k = recent.length;
        double[] logits = new double[k];
        for (int i = 0; i < k; i++) {
            // a task with no loss in either epoch keeps a neutral ratio of 1
            double ratio = recent[i] > 0 && earlier[i] > 0 && Double.isFinite(recent[i] / earlier[i]) ? recent[i] / earlier[i] : 1.0;
            logits[i] = ratio / temperature;
        }
        double[] weights = Softmax.of(logits);
        for (int i = 0; i < k; i++) {
            weights[i] *= k;
        }
        return weights;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new HashMap<>();
        state.put("lambda", States.list(lambda));
        if (last != null) {
            state.put("last", States.list(last));
        }
        if (beforeLast != null) {
            state.put("beforeLast", States.list(beforeLast));
        }
        return state;
    }

    @Override
    public void restore(Map<String, Object> state) {
        States.fill(lambda, state.get("lambda"), "lambda");
        last = state.containsKey("last") ? States.doubles(state.get("last"), lambda.length, "last") : null;
        beforeLast = state.containsKey("beforeLast") ? States.doubles(state.get("beforeLast"), lambda.length, "beforeLast") : null;
    }
}
