package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.Map;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * Nash-MTL (Navon et al. 2022): the update {@code Σ α_i g_i} is the Nash bargaining solution, the
 * α > 0 with {@code Gα = 1/α} element-wise (G normalised by its Frobenius norm, as in the authors'
 * code). That condition is the stationarity of the strictly convex
 * {@code φ(α) = ½αᵀGα − Σ log α_i}, so α is found by Newton's method on φ with a backtracking line
 * search that keeps α positive (φ is self-concordant: the iteration converges from any start); each
 * Newton system is solved by ojAlgo's Cholesky decomposition. The search starts from the last step's
 * α. No maintained Java library solves this program as such (ojAlgo's convex solver takes quadratic
 * programs, and the authors' sequence of convex programs needs a conic solver).
 */
final class NashMtlWeighting implements GradientWeighting {
    /** A ridge that keeps φ bounded below when gradients are linearly dependent. */
    private static final double RIDGE = 1e-8;
    private static final int MAX_NEWTON = 100;
    private final GradientSite site;
    private double[] alpha;

    NashMtlWeighting(GradientsConfig config) {
        this.site = config.gradients();
    }

    @Override
    public void start(WeightingContext context) {
        alpha = new double[context.size()];
        java.util.Arrays.fill(alpha, 1.0);
    }

    @Override
    public GradientSite site() {
        return site;
    }

    @Override
    public double[] combine(double[][] gram, BatchLosses batch) {
        double frobenius = 0;
        for (double[] row : gram) {
            for (double value : row) {
                frobenius += value * value;
            }
        }
        if (frobenius == 0) {
            return Grams.uniform(gram.length);
        }
        double[][] g = Grams.scaled(gram, 1 / Math.sqrt(frobenius));
        for (int i = 0; i < g.length; i++) {
            g[i][i] += RIDGE;
        }
        alpha = solve(g, alpha.clone());
        return alpha.clone();
    }

    /** The α > 0 with Gα = 1/α, by damped Newton on φ from {@code start}. */
    static double[] solve(double[][] g, double[] start) {
        int k = g.length;
        double[] a = start;
        for (int iteration = 0; iteration < MAX_NEWTON; iteration++) {
            double[] ga = Grams.times(g, a);
            R064Store hessian = R064Store.FACTORY.make(k, k);
            R064Store negGradient = R064Store.FACTORY.make(k, 1);
            for (int i = 0; i < k; i++) {
                negGradient.set(i, 0, 1 / a[i] - ga[i]);
                for (int j = 0; j < k; j++) {
                    hessian.set(i, j, g[i][j] + (i == j ? 1 / (a[i] * a[i]) : 0));
                }
            }
            Cholesky<Double> cholesky = Cholesky.R064.make(hessian);
            if (!cholesky.decompose(hessian) || !cholesky.isSolvable()) {
                throw new IllegalStateException("Nash-MTL: the Newton system is not positive definite");
            }
            MatrixStore<Double> direction = cholesky.getSolution(negGradient);
            double decrement = 0;
            for (int i = 0; i < k; i++) {
                decrement += direction.doubleValue(i) * negGradient.doubleValue(i);
            }
            if (decrement < 1e-20) {
                break;
            }
            double value = phi(g, a);
            double t = 1;
            double[] next = new double[k];
            while (true) {
                boolean positive = true;
                for (int i = 0; i < k; i++) {
                    next[i] = a[i] + t * direction.doubleValue(i);
                    positive &= next[i] > 0;
                }
                if (positive && phi(g, next) <= value - 0.25 * t * decrement || t < 1e-12) {
                    break;
                }
                t /= 2;
            }
            a = next.clone();
        }
        return a;
    }

    private static double phi(double[][] g, double[] a) {
        double value = 0.5 * Grams.inner(g, a, a);
        for (double ai : a) {
            value -= Math.log(ai);
        }
        return value;
    }

    @Override
    public Map<String, Object> state() {
        return Map.of("alpha", States.list(alpha));
    }

    @Override
    public void restore(Map<String, Object> state) {
        States.fill(alpha, state.get("alpha"), "alpha");
    }
}
