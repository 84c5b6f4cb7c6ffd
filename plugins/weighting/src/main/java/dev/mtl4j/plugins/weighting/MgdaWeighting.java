package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.WeightingContext;

/**
 * MGDA (Sener and Koltun 2018): the update is the min-norm point of the convex hull of the task
 * gradients, {@code argmin_{w ∈ Δ} ‖Σ w_i g_i‖²} — a direction that decreases every task's loss when
 * one exists (a Pareto-stationary point otherwise). Taken on the shared representation, this is
 * MGDA-UB, the paper's upper bound. The program is solved by ojAlgo's QP solver.
 */
final class MgdaWeighting implements GradientWeighting {
    private final GradientSite site;

    MgdaWeighting(MgdaConfig config) {
        this.site = config.gradients();
    }

    @Override
    public void start(WeightingContext context) {
    }

    @Override
    public GradientSite site() {
        return site;
    }

    @Override
    public double[] combine(double[][] gram, BatchLosses batch) {
        if (Grams.trace(gram) == 0) {
            return Grams.uniform(gram.length);
        }
        return QuadraticPrograms.minNormOnSimplex(gram);
    }
}
