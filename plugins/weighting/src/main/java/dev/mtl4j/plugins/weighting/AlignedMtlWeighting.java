package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.Optional;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;

/**
 * Aligned-MTL (Senushkin et al. 2023): the task gradients G (rows g_i) are replaced by the aligned
 * {@code Ĝ = B G} whose rows are orthogonal and of equal norm (condition number 1), with
 * {@code B = √λ_min · V Λ^{−1/2} Vᵀ} from the eigendecomposition {@code G Gᵀ = V Λ Vᵀ} (ojAlgo)
 * restricted to its non-zero eigenvalues; the update is the sum of the aligned gradients, so the
 * coefficient of g_j is the j-th column sum of B (as in LibMTL and the authors' code).
 */
final class AlignedMtlWeighting implements GradientWeighting {
    /** float32 machine epsilon: the gradients are float32, so smaller eigenvalues are rounding. */
    private static final double EPSILON = 1.1920929e-7;
    private final GradientSite site;

    AlignedMtlWeighting(GradientsConfig config) {
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
        return columnSums(alignment(gram));
    }

    /** B, with {@code B G Gᵀ Bᵀ = λ_min I} on the span of the gradients. */
    static double[][] alignment(double[][] gram) {
        int k = gram.length;
        Eigenvalue<Double> eigen = Eigenvalue.R064.make(k, true);
        eigen.decompose(QuadraticPrograms.matrix(gram));
        double[] values = new double[k];
        eigen.getEigenvalues(values, Optional.empty());
        MatrixStore<Double> vectors = eigen.getV();
        double largest = 0;
        for (double value : values) {
            largest = Math.max(largest, value);
        }
        double tolerance = largest * k * EPSILON;
        double smallest = Double.POSITIVE_INFINITY;
        for (double value : values) {
            if (value > tolerance) {
                smallest = Math.min(smallest, value);
            }
        }
        double[][] b = new double[k][k];
        if (largest <= 0) {
            return b;
        }
        for (int e = 0; e < k; e++) {
            if (values[e] <= tolerance) {
                continue;
            }
            double factor = Math.sqrt(smallest / values[e]);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    b[i][j] += factor * vectors.doubleValue(i, e) * vectors.doubleValue(j, e);
                }
            }
        }
        return b;
    }

    private static double[] columnSums(double[][] b) {
        double[] sums = new double[b.length];
        for (double[] row : b) {
            for (int j = 0; j < row.length; j++) {
                sums[j] += row[j];
            }
        }
        return sums;
    }
}
