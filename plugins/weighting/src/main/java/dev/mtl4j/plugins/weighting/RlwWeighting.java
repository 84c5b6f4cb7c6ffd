package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random loss weighting (Lin et al. 2022): at every step λ = softmax(z) with z_i drawn from the
 * standard normal distribution, so the weights sum to 1. Step t draws from a generator seeded by the
 * training seed and t, so a resumed training draws what an uninterrupted one would.
 */
final class RlwWeighting implements LossWeighting {
    private long seed;
    private long step;
    private int tasks;

    @Override
    public void start(WeightingContext context) {
        seed = context.seed();
        tasks = context.size();
    }

    @Override
    public boolean allowsPartialBatches() {
        return true;
    }

    @Override
    public double[] weights(BatchLosses batch) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step++);
        double[] z = new double[tasks];
        for (int i = 0; i < tasks; i++) {
            z[i] = random.nextGaussian();
        }
        return Softmax.of(z);
    }

    @Override
    public Map<String, Object> state() {
        return Map.of("step", step);
    }

    @Override
    public void restore(Map<String, Object> state) {
        step = States.number(state, "step");
    }
}
