package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.WeightingContext;

/** λ_i = each task's {@code weight}, every step. */
final class StaticWeighting implements LossWeighting {
    private double[] lambda;

    @Override
    public void start(WeightingContext context) {
        lambda = context.taskWeights().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public boolean allowsPartialBatches() {
        return true;
    }

    @Override
    public double[] weights(BatchLosses batch) {
        return lambda;
    }
}
