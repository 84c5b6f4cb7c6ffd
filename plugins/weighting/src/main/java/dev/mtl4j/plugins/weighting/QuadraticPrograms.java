package dev.mtl4j.plugins.weighting;

import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * The small quadratic programs of the gradient methods, solved by ojAlgo's convex solver (an
 * active-set QP solver in pure Java, maintained since 2003, no native code): a few unknowns, one per
 * task, so a solve takes microseconds. Matrices are scaled to unit trace first; the solutions do not
 * depend on that scale, the solver's tolerances do.
 */
final class QuadraticPrograms {
    private QuadraticPrograms() {
    }

    /** argmin over the simplex {w ≥ 0, Σw = 1} of wᵀGw: MGDA's min-norm point of the convex hull of the gradients. */
    static double[] minNormOnSimplex(double[][] gram) {
        return onSimplex(Grams.scaled(gram, 1 / Grams.trace(gram)), new double[gram.length]);
    }

    /** argmin over the simplex of ½ wᵀQw + cᵀw. */
    static double[] onSimplex(double[][] q, double[] c) {
        int k = q.length;
        if (k == 1) {
            return new double[] {1.0};
        }
        double[] ones = new double[k];
        java.util.Arrays.fill(ones, 1.0);
        ConvexSolver.Builder builder = ConvexSolver.newBuilder()
                .objective(matrix(q), column(negated(c)))
                .equalities(matrix(new double[][] {ones}), column(1.0))
                .inequalities(negatedIdentity(k), column(new double[k]));
        return solve(builder, k, "a point of the simplex");
    }

    /** argmin of vᵀGv subject to v ≥ u, element-wise (G positive definite). */
    static double[] aboveBound(double[][] gram, double[] u) {
        int k = gram.length;
        ConvexSolver.Builder builder = ConvexSolver.newBuilder()
                .objective(matrix(Grams.scaled(gram, 2)), column(new double[k]))
                .inequalities(negatedIdentity(k), column(negated(u)));
        return solve(builder, k, "a projection onto the dual cone");
    }

    private static double[] solve(ConvexSolver.Builder builder, int k, String what) {
        Optimisation.Result result = builder.build().solve();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("ojAlgo found no " + what + ": " + result.getState());
        }
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = result.doubleValue(i);
        }
        return x;
    }

    private static MatrixStore<Double> negatedIdentity(int k) {
        double[][] rows = new double[k][k];
        for (int i = 0; i < k; i++) {
            rows[i][i] = -1;
        }
        return matrix(rows);
    }

    static R064Store matrix(double[][] rows) {
        R064Store matrix = R064Store.FACTORY.make(rows.length, rows[0].length);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                matrix.set(i, j, rows[i][j]);
            }
        }
        return matrix;
    }

    private static MatrixStore<Double> column(double... values) {
        return R064Store.FACTORY.column(values);
    }

    private static double[] negated(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }
}
