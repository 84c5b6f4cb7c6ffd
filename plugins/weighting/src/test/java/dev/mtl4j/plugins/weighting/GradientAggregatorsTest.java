package dev.mtl4j.plugins.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each aggregator on hand-built gradients (2 and 3 tasks, conflicting and aligned) returns what its
 * paper defines: the closed form where there is one (PCGrad's projection, two-task MGDA, IMTL-G),
 * otherwise the optimality conditions of the method's own program, checked on the result.
 */
final class GradientAggregatorsTest {
    private static final double[][] CONFLICTING_2 = {{1, 0}, {-0.5, 1}};
    private static final double[][] ALIGNED_2 = {{1, 0}, {2, 0.1}};
    private static final double[][] CONFLICTING_3 = {{1, 0, 0.2}, {-0.6, 1, 0}, {0.1, -0.8, 0.7}};
    private static final double[][] ALIGNED_3 = {{1, 0.2, 0}, {0.8, 0.5, 0.1}, {1.2, 0, 0.3}};
    private static final List<double[][]> ALL = List.of(CONFLICTING_2, ALIGNED_2, CONFLICTING_3, ALIGNED_3);

    @Test
    void pcgradProjectsConflictingGradientsOntoEachOthersNormalPlane() {
        // g1·g2 = −0.5 < 0: g1' = g1 − (g1·g2/‖g2‖²) g2, g2' = g2 − (g2·g1/‖g1‖²) g1
        double[] g1 = CONFLICTING_2[0];
        double[] g2 = CONFLICTING_2[1];
        double[] g1p = minus(g1, times(dot(g1, g2) / dot(g2, g2), g2));
        double[] g2p = minus(g2, times(dot(g2, g1) / dot(g1, g1), g1));
        assertClose(direction(pcgrad(), CONFLICTING_2), plus(g1p, g2p));
        // no conflict: the plain sum
        assertClose(direction(pcgrad(), ALIGNED_2), plus(ALIGNED_2[0], ALIGNED_2[1]));
        // three tasks of which only the first two conflict: the projections do not depend on the order
        double[][] three = {{1, 0, 0}, {-1, 1, 0}, {0, 0, 1}};
        assertClose(direction(pcgrad(), three), new double[] {0.5, 1.5, 1});
    }

    @Test
    void mgdaOnTwoTasksIsTheClosedFormMinNormPoint() {
        for (double[][] g : List.of(CONFLICTING_2, ALIGNED_2)) {
            double[] difference = minus(g[1], g[0]);
            double alpha = Math.max(0, Math.min(1, dot(difference, g[1]) / dot(difference, difference)));
            assertClose(direction(mgda(), g), plus(times(alpha, g[0]), times(1 - alpha, g[1])));
        }
    }

    @Test
    void mgdaOnThreeTasksMeetsTheMinNormOptimalityConditions() {
        for (double[][] g : List.of(CONFLICTING_3, ALIGNED_3)) {
            double[] w = mgda().combine(gram(g), losses(3));
            double[] d = direction(g, w);
            assertThat(sum(w)).isCloseTo(1, within(1e-6));
            for (int i = 0; i < 3; i++) {
                assertThat(w[i]).isGreaterThanOrEqualTo(-1e-7);
                // KKT of min ‖Σw g‖² on the simplex: g_i·d ≥ ‖d‖², with equality where w_i > 0
                assertThat(dot(g[i], d)).isGreaterThanOrEqualTo(dot(d, d) - 1e-6);
                if (w[i] > 1e-4) {
                    assertThat(dot(g[i], d)).isCloseTo(dot(d, d), within(1e-5));
                }
            }
        }
    }

    @Test
    void imtlEqualisesTheProjectionsOnEveryTasksDirection() {
        // two tasks in closed form: α a + (1 − α) b = 0 with a = g1·(u1 − u2), b = g2·(u1 − u2)
        for (double[][] g : List.of(CONFLICTING_2, ALIGNED_2)) {
            double[] u = minus(unit(g[0]), unit(g[1]));
            double a = dot(g[0], u);
            double b = dot(g[1], u);
            double alpha = b / (b - a);
            assertClose(direction(imtl(), g), plus(times(alpha, g[0]), times(1 - alpha, g[1])));
        }
        for (double[][] g : List.of(CONFLICTING_3, ALIGNED_3)) {
            double[] w = imtl().combine(gram(g), losses(3));
            double[] d = direction(g, w);
            assertThat(sum(w)).isCloseTo(1, within(1e-9));
            for (int i = 1; i < 3; i++) {
                assertThat(dot(d, unit(g[i]))).isCloseTo(dot(d, unit(g[0])), within(1e-9));
            }
        }
    }

    @Test
    void cagradSolvesItsDualAndStaysOnTheBallAroundTheMeanGradient() {
        double c = 0.5;
        for (double[][] g : ALL) {
            int k = g.length;
            CaGradWeighting method = new CaGradWeighting(new CaGradConfig(c, 0, GradientSite.PARAMETERS));
            double[][] gram = gram(g);
            double[] mean = Grams.uniform(k);
            double[] g0 = direction(g, mean);
            double radius = c * Math.sqrt(dot(g0, g0));
            double[] w = method.dual(gram, mean, radius);
            double best = dualObjective(gram, mean, radius, w);
            // no point of a fine grid of the simplex does better
            for (double[] point : simplexGrid(k, 60)) {
                assertThat(best).isLessThanOrEqualTo(dualObjective(gram, mean, radius, point) + 1e-7);
            }
            // the update lies on the sphere of radius c‖g0‖ around g0 and improves the worst task at least as much as g0
            double[] d = direction(g, method.combine(gram, losses(k)));
            assertThat(Math.sqrt(dot(minus(d, g0), minus(d, g0)))).isCloseTo(radius, within(1e-6 * Math.max(1, radius)));
            assertThat(minImprovement(g, d)).isGreaterThanOrEqualTo(minImprovement(g, g0) - 1e-9);
        }
    }

    @Test
    void nashMtlSolvesTheBargainingCondition() {
        for (double[][] g : ALL) {
            NashMtlWeighting method = new NashMtlWeighting(new GradientsConfig(GradientSite.PARAMETERS));
            method.start(context(g.length));
            double[][] gram = gram(g);
            double[] alpha = method.combine(gram, losses(g.length));
            double frobenius = 0;
            for (double[] row : gram) {
                frobenius += dot(row, row);
            }
            double[] normalisedTimesAlpha = Grams.times(Grams.scaled(gram, 1 / Math.sqrt(frobenius)), alpha);
            for (int i = 0; i < alpha.length; i++) {
                assertThat(alpha[i]).isPositive();
                assertThat(normalisedTimesAlpha[i]).isCloseTo(1 / alpha[i], within(1e-6 / alpha[i]));
            }
        }
    }

    @Test
    void alignedMtlMakesTheGradientsOrthogonalWithEqualNorms() {
        for (double[][] g : ALL) {
            double[][] gram = gram(g);
            double[][] b = AlignedMtlWeighting.alignment(gram);
            double[][] aligned = multiply(multiply(b, gram), transpose(b));
            double smallest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < g.length; i++) {
                smallest = Math.min(smallest, aligned[i][i]);
            }
            for (int i = 0; i < g.length; i++) {
                for (int j = 0; j < g.length; j++) {
                    assertThat(aligned[i][j]).as("(B G Gᵀ Bᵀ)[%d][%d]", i, j)
                            .isCloseTo(i == j ? smallest : 0, within(1e-9 * Math.max(1, smallest)));
                }
            }
            double[] w = new AlignedMtlWeighting(new GradientsConfig(GradientSite.PARAMETERS)).combine(gram, losses(g.length));
            for (int j = 0; j < g.length; j++) {
                double columnSum = 0;
                for (double[] row : b) {
                    columnSum += row[j];
                }
                assertThat(w[j]).isCloseTo(columnSum, within(1e-12));
            }
        }
    }

    @Test
    void upgradProjectsOntoTheDualConeAndConflictsWithNoTask() {
        UpGradWeighting method = new UpGradWeighting(new UpGradConfig(1e-4, 1e-4, GradientSite.PARAMETERS));
        for (double[][] g : ALL) {
            int k = g.length;
            double[][] gram = gram(g);
            double[][] normalised = method.normalised(gram);
            double[][][] projections = method.projections(gram);
            for (int i = 0; i < k; i++) {
                double[] v = projections[i][0];
                double[] multiplier = Grams.times(Grams.scaled(normalised, 2), v);
                for (int j = 0; j < k; j++) {
                    double u = i == j ? 1.0 / k : 0;
                    // KKT of min vᵀGv s.t. v ≥ u: 2Gv = μ ≥ 0, v ≥ u, μ_j (v_j − u_j) = 0
                    assertThat(v[j]).isGreaterThanOrEqualTo(u - 1e-7);
                    assertThat(multiplier[j]).isGreaterThanOrEqualTo(-1e-6);
                    assertThat(multiplier[j] * (v[j] - u)).isCloseTo(0, within(1e-6));
                }
            }
            double[] d = direction(g, method.combine(gram, losses(k)));
            for (double[] task : g) {
                assertThat(dot(task, d)).isGreaterThanOrEqualTo(-1e-6);
            }
        }
        // gradients that conflict with none: the projections change nothing, UPGrad is their mean
        double[] mean = Grams.uniform(3);
        double[] w = method.combine(gram(ALIGNED_3), losses(3));
        for (int i = 0; i < 3; i++) {
            assertThat(w[i]).isCloseTo(mean[i], within(1e-6));
        }
    }

    private static double dualObjective(double[][] gram, double[] mean, double radius, double[] w) {
        return Grams.inner(gram, w, mean) + radius * Math.sqrt(Math.max(Grams.inner(gram, w, w), 0));
    }

    private static double minImprovement(double[][] g, double[] d) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] task : g) {
            min = Math.min(min, dot(task, d));
        }
        return min;
    }

    private static List<double[]> simplexGrid(int k, int steps) {
        List<double[]> points = new java.util.ArrayList<>();
        for (int a = 0; a <= steps; a++) {
            if (k == 2) {
                points.add(new double[] {a / (double) steps, 1 - a / (double) steps});
                continue;
            }
            for (int b = 0; b <= steps - a; b++) {
                points.add(new double[] {a / (double) steps, b / (double) steps, (steps - a - b) / (double) steps});
            }
        }
        return points;
    }

    private static PcGradWeighting pcgrad() {
        PcGradWeighting method = new PcGradWeighting(new GradientsConfig(GradientSite.PARAMETERS));
        method.start(context(3));
        return method;
    }

    private static MgdaWeighting mgda() {
        return new MgdaWeighting(new MgdaConfig(GradientSite.PARAMETERS));
    }

    private static ImtlWeighting imtl() {
        return new ImtlWeighting(new GradientsConfig(GradientSite.PARAMETERS));
    }

    static WeightingContext context(int k) {
        List<String> names = java.util.stream.IntStream.range(0, k).mapToObj(i -> "t" + i).toList();
        return new WeightingContext(names, java.util.Collections.nCopies(k, 1.0), 1e-3, 42);
    }

    static BatchLosses losses(int k) {
        double[] losses = new double[k];
        boolean[] present = new boolean[k];
        java.util.Arrays.fill(losses, 1.0);
        java.util.Arrays.fill(present, true);
        return new BatchLosses(losses, present);
    }

    private static double[] direction(GradientWeighting method, double[][] g) {
        return direction(g, method.combine(gram(g), losses(g.length)));
    }

    static double[][] gram(double[][] g) {
        double[][] gram = new double[g.length][g.length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                gram[i][j] = dot(g[i], g[j]);
            }
        }
        return gram;
    }

    private static double[] direction(double[][] g, double[] w) {
        double[] d = new double[g[0].length];
        for (int i = 0; i < g.length; i++) {
            d = plus(d, times(w[i], g[i]));
        }
        return d;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int m = 0; m < b.length; m++) {
                    c[i][j] += a[i][m] * b[m][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[] unit(double[] v) {
        return times(1 / Math.sqrt(dot(v, v)), v);
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double sum(double[] a) {
        double sum = 0;
        for (double v : a) {
            sum += v;
        }
        return sum;
    }

    private static double[] plus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    private static double[] minus(double[] a, double[] b) {
        return plus(a, times(-1, b));
    }

    private static double[] times(double s, double[] a) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = s * a[i];
        }
        return c;
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("component %d of %s", i, java.util.Arrays.toString(actual))
                    .isCloseTo(expected[i], within(1e-6 * Math.max(1, Math.abs(expected[i]))));
        }
    }
}
