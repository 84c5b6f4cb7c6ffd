package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import org.ojalgo.matrix.decomposition.LU;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * IMTL-G (Liu et al. 2021, impartial multi-task learning, its gradient part): the update
 * {@code d = Σ α_i g_i} with {@code Σ α_i = 1} whose projections onto every task's unit gradient
 * u_i = g_i/‖g_i‖ are equal, {@code d·u_1 = d·u_i}. With D's rows g_1 − g_i and U's rows u_1 − u_i
 * (i = 2..K), {@code α_{2..K} = g_1 Uᵀ (D Uᵀ)⁻¹} and α_1 = 1 − Σ α_{2..K}: every product is an entry
 * of the Gram matrix divided by norms. The linear system is solved by ojAlgo's LU decomposition.
 * When it is singular (two tasks with parallel gradients) or a task's gradient is zero, the tasks
 * are weighted equally.
 */
final class ImtlWeighting implements GradientWeighting {
    private final GradientSite site;

    ImtlWeighting(GradientsConfig config) {
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
        int k = gram.length;
        double[] norm = new double[k];
        for (int i = 0; i < k; i++) {
            norm[i] = Math.sqrt(Math.max(gram[i][i], 0));
            if (norm[i] == 0) {
                return Grams.uniform(k);
            }
        }
        if (k == 1) {
            return new double[] {1.0};
        }
        // (D Uᵀ)_{jm} = (g_1 − g_j)·(u_1 − u_m) and (g_1 Uᵀ)_m = g_1·(u_1 − u_m), j, m = 2..K
        R064Store transposed = R064Store.FACTORY.make(k - 1, k - 1);
        R064Store rhs = R064Store.FACTORY.make(k - 1, 1);
        for (int m = 1; m < k; m++) {
            rhs.set(m - 1, 0, dotUnitDifference(gram, norm, 0, m));
            for (int j = 1; j < k; j++) {
                double value = dotUnitDifference(gram, norm, 0, m) - dotUnitDifference(gram, norm, j, m);
                transposed.set(m - 1, j - 1, value);
            }
        }
        LU<Double> lu = LU.R064.make(transposed);
        if (!lu.decompose(transposed) || !lu.isSolvable()) {
            return Grams.uniform(k);
        }
        MatrixStore<Double> x = lu.getSolution(rhs);
        double[] alpha = new double[k];
        double rest = 1;
        for (int i = 1; i < k; i++) {
            alpha[i] = x.doubleValue(i - 1);
            rest -= alpha[i];
        }
        alpha[0] = rest;
        return alpha;
    }

    /** g_j · (u_1 − u_m), with task 0 as task 1. */
    private static double dotUnitDifference(double[][] gram, double[] norm, int j, int m) {
        return gram[j][0] / norm[0] - gram[j][m] / norm[m];
    }
}
