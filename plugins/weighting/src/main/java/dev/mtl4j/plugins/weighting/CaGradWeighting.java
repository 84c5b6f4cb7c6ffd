package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.Map;

/**
 * CAGrad (Liu et al. 2021): the update d maximises the worst task's improvement {@code min_i g_i·d}
 * within a ball of radius c·‖g0‖ around the mean gradient g0. Its dual is
 * {@code min_{w ∈ Δ} g_wᵀg0 + c‖g0‖·‖g_w‖} (g_w = Σ w_i g_i), and then
 * {@code d = g0 + (c‖g0‖/‖g_w‖)·g_w}, rescaled by 1/(1+c²) by default.
 *
 * <p>The dual's square root is handled by {@code √x = min_μ (x/2μ + μ/2)}: alternately, for fixed μ
 * a quadratic program on the simplex (ojAlgo), and μ = ‖g_w‖. Both steps lower a jointly convex
 * objective, so the iteration converges; it starts from the last step's μ.
 */
final class CaGradWeighting implements GradientWeighting {
    private static final int MAX_ROUNDS = 100;
    private final CaGradConfig config;
    private double lastMu = Double.NaN;

    CaGradWeighting(CaGradConfig config) {
        this.config = config;
    }

    @Override
    public void start(WeightingContext context) {
    }

    @Override
    public GradientSite site() {
        return config.gradients();
    }

    @Override
    public double[] combine(double[][] gram, BatchLosses batch) {
        int k = gram.length;
        double[] mean = Grams.uniform(k);
        double trace = Grams.trace(gram);
        if (trace <= 0 || config.c() == 0) {
            return mean;
        }
        double[][] g = Grams.scaled(gram, 1 / trace);
        double radius = config.c() * Math.sqrt(Math.max(Grams.inner(g, mean, mean), 0));
        if (radius == 0) {
            return mean;
        }
        double[] w = dual(g, mean, radius);
        double norm = Math.sqrt(Math.max(Grams.inner(g, w, w), 0));
        double step = radius / Math.max(norm, 1e-12);
        double scale = switch (config.rescale()) {
            case 1 -> 1 / (1 + config.c() * config.c());
            case 2 -> 1 / (1 + config.c());
            default -> 1.0;
        };
        double[] coefficients = new double[k];
        for (int i = 0; i < k; i++) {
            coefficients[i] = (mean[i] + step * w[i]) * scale;
        }
        return coefficients;
    }

    /** The last step's μ, where the next step's search starts: kept so that a resumed run repeats an uninterrupted one. */
    @Override
    public Map<String, Object> state() {
        return Double.isNaN(lastMu) ? Map.of() : Map.of("lastMu", lastMu);
    }

    @Override
    public void restore(Map<String, Object> state) {
        if (state.get("lastMu") instanceof Number mu) {
            lastMu = mu.doubleValue();
        }
    }

    /** argmin over the simplex of wᵀG·mean + radius·√(wᵀGw). */
    double[] dual(double[][] g, double[] mean, double radius) {
        double[] linear = Grams.times(g, mean);
        double[] w = mean.clone();
        double mu = Double.isNaN(lastMu) ? Math.sqrt(Math.max(Grams.inner(g, w, w), 0)) : lastMu;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double floor = Math.max(mu, 1e-9);
            double[] next = QuadraticPrograms.onSimplex(Grams.scaled(g, radius / floor), linear);
            double nextMu = Math.sqrt(Math.max(Grams.inner(g, next, next), 0));
            boolean settled = Math.abs(nextMu - mu) <= 1e-9 * Math.max(nextMu, 1e-9);
            w = next;
            mu = nextMu;
            if (settled) {
                break;
            }
        }
        lastMu = mu;
        return w;
    }
}
