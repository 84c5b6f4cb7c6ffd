package dev.mtl4j.runtime.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lookahead affinities measured during a training, one matrix per measured batch (NaN where a pair
 * was not measured), in training order; their means and how far each mean can be trusted.
 */
public final class AffinitySamples {
    /** Consecutive blocks whose means give the standard error (batch means). */
    static final int BLOCKS = 10;

    private final int tasks;
    private final List<double[][]> samples = new ArrayList<>();

    AffinitySamples(int tasks) {
        this.tasks = tasks;
    }

    void add(double[][] sample) {
        samples.add(sample);
    }

    /** How many batches were measured. */
    public int size() {
        return samples.size();
    }

    /** The mean over training: row i, column j is a step on task i's effect on task j; NaN where never measured. */
    public double[][] mean() {
        double[][] mean = new double[tasks][tasks];
        for (int i = 0; i < tasks; i++) {
            for (int j = 0; j < tasks; j++) {
                mean[i][j] = Arrays.stream(values(i, j)).average().orElse(Double.NaN);
            }
        }
        return mean;
    }

    /**
     * Each mean's standard error by batch means: the measurements in training order cut into
     * {@value #BLOCKS} consecutive blocks, the standard deviation of the blocks' means over √blocks.
     * Successive steps are alike, and the affinity drifts as training goes, so the plain standard error
     * of the measurements would claim too much. NaN with fewer than two measurements.
     */
    public double[][] standardErrors() {
        double[][] errors = new double[tasks][tasks];
        for (int i = 0; i < tasks; i++) {
            for (int j = 0; j < tasks; j++) {
                errors[i][j] = batchMeansError(values(i, j));
            }
        }
        return errors;
    }

    /**
     * The means with every one that lies within {@code errors} standard errors of 0 set to 0 (no
     * clear effect), as the grouping search reads them; NaN (never measured) stays NaN.
     */
    public double[][] clearMeans(double errors) {
        double[][] mean = mean();
        double[][] error = standardErrors();
        for (int i = 0; i < tasks; i++) {
            for (int j = 0; j < tasks; j++) {
                if (!Double.isNaN(mean[i][j]) && !(Math.abs(mean[i][j]) > errors * error[i][j])) {
                    mean[i][j] = 0;
                }
            }
        }
        return mean;
    }

    private double[] values(int i, int j) {
        return samples.stream().mapToDouble(sample -> sample[i][j]).filter(v -> !Double.isNaN(v)).toArray();
    }

    static double batchMeansError(double[] values) {
        int blocks = Math.min(BLOCKS, values.length);
        if (blocks < 2) {
            return Double.NaN;
        }
        double[] means = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) b * values.length / blocks);
            int to = (int) ((long) (b + 1) * values.length / blocks);
            means[b] = Arrays.stream(values, from, to).average().orElseThrow();
        }
        double grand = Arrays.stream(means).average().orElseThrow();
        double squares = Arrays.stream(means).map(m -> (m - grand) * (m - grand)).sum();
        return Math.sqrt(squares / (blocks - 1) / blocks);
    }
}
