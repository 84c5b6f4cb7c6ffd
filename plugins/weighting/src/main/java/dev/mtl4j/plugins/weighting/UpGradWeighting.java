package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.WeightingContext;

/**
 * UPGrad (Quinton and Rey 2024, as in TorchJD): each task's share of the mean gradient,
 * {@code g_i/K}, is projected onto the dual cone of the gradients {x : g_j·x ≥ 0 for all j}, and the
 * projections are summed — an update that conflicts with no task. In coefficients the projection of
 * {@code Gᵀu} is {@code Gᵀv} with {@code v = argmin vᵀ(GGᵀ)v subject to v ≥ u} (their Proposition 1),
 * one small quadratic program per task, solved by ojAlgo. The Gram matrix is first divided by its trace
 * and given a ridge, as TorchJD does.
 */
final class UpGradWeighting implements GradientWeighting {
    private final UpGradConfig config;

    UpGradWeighting(UpGradConfig config) {
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
        double[][][] projections = projections(gram);
        int k = gram.length;
        double[] weights = new double[k];
        for (double[][] projection : projections) {
            for (int j = 0; j < k; j++) {
                weights[j] += projection[0][j];
            }
        }
        return weights;
    }

    /** For each task i: {v_i} (as a one-row matrix), the coefficients of the projection of g_i/K. */
    double[][][] projections(double[][] gram) {
        int k = gram.length;
        double[][] g = normalised(gram);
        double[][][] projections = new double[k][][];
        for (int i = 0; i < k; i++) {
            double[] u = new double[k];
            u[i] = 1.0 / k;
            projections[i] = new double[][] {QuadraticPrograms.aboveBound(g, u)};
        }
        return projections;
    }

    /** The Gram matrix as UPGrad's programs see it (normalised, with the ridge). */
    double[][] normalised(double[][] gram) {
        int k = gram.length;
        double trace = Grams.trace(gram);
        double[][] g = trace < config.normEps() ? new double[k][k] : Grams.scaled(gram, 1 / trace);
        for (int i = 0; i < k; i++) {
            g[i][i] += config.regEps();
        }
        return g;
    }
}
