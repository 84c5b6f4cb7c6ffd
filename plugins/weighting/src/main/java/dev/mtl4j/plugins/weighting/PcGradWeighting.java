package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * PCGrad (Yu et al. 2020), gradient surgery: each task's gradient g_i^PC starts as g_i and, for
 * every task j in a random order, loses its component along g_j when the two conflict
 * ({@code g_i^PC · g_j < 0}: {@code g_i^PC −= (g_i^PC · g_j / ‖g_j‖²) g_j}); the update is
 * {@code Σ g_i^PC}. Each g_i^PC stays a combination of the g_j, so the surgery runs on coefficients
 * and the Gram matrix. Step t's orders come from the training seed and t.
 */
final class PcGradWeighting implements GradientWeighting {
    private final GradientSite site;
    private long seed;
    private long step;

    PcGradWeighting(GradientsConfig config) {
        this.site = config.gradients();
    }

    @Override
    public void start(WeightingContext context) {
        seed = context.seed();
    }

    @Override
    public GradientSite site() {
        return site;
    }

    @Override
    public double[] combine(double[][] gram, BatchLosses batch) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step++);
        int k = gram.length;
        double[] total = new double[k];
        for (int i = 0; i < k; i++) {
            double[] coefficients = new double[k];
            coefficients[i] = 1;
            for (int j : order(k, random)) {
                double dot = Grams.times(gram, coefficients)[j];
                if (dot < 0 && gram[j][j] > 0) {
                    coefficients[j] -= dot / gram[j][j];
                }
            }
            for (int m = 0; m < k; m++) {
                total[m] += coefficients[m];
            }
        }
        return total;
    }

    /** 0..k−1 shuffled (Fisher–Yates). */
    private static int[] order(int k, SplittableRandom random) {
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
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
