package dev.mtl4j.runtime.data;

import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The quantile transform to a standard normal, as scikit-learn's {@code QuantileTransformer(
 * output_distribution="normal")} computes it: up to 1,000 quantiles of the training cells at evenly
 * spaced probabilities; a number's probability is interpolated between them (the middle of a run of
 * equal quantiles, so a value many cells share maps to the middle of its share), clipped to
 * [1e-7, 1 − 1e-7] and mapped through the standard normal's inverse CDF (Apache Commons Math). A
 * number beyond the training range maps to the nearest end, about ±5.2.
 */
record QuantileNormal(double[] quantiles) implements NumericScale {
    static final int MAX_QUANTILES = 1000;
    private static final double BOUND = 1e-7;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    QuantileNormal {
        quantiles = quantiles.clone();
        if (quantiles.length == 0) {
            throw new IllegalArgumentException("a quantile transform needs at least one quantile");
        }
    }

    /** Fitted on the training cells; a column without any maps everything to 0. */
    static QuantileNormal fit(SortedCounts cells) {
        if (cells.size() == 0) {
            return new QuantileNormal(new double[] {0});
        }
        int count = (int) Math.min(MAX_QUANTILES, cells.size());
        double[] quantiles = new double[count];
        for (int i = 0; i < count; i++) {
            quantiles[i] = cells.quantile(probability(i, count));
        }
        return new QuantileNormal(quantiles);
    }

    private static double probability(int i, int count) {
        return count == 1 ? 0.5 : (double) i / (count - 1);
    }

    /** The share of training cells below {@code x}, interpolated between the quantiles. */
    double cdf(double x) {
        int count = quantiles.length;
        int firstNotBelow = firstIndex(x, false);
        int firstAbove = firstIndex(x, true);
        if (firstNotBelow < firstAbove) {
            return (probability(firstNotBelow, count) + probability(firstAbove - 1, count)) / 2;
        }
        if (firstNotBelow == 0) {
            return 0;
        }
        if (firstNotBelow == count) {
            return 1;
        }
        double q0 = quantiles[firstNotBelow - 1];
        double q1 = quantiles[firstNotBelow];
        double p0 = probability(firstNotBelow - 1, count);
        double p1 = probability(firstNotBelow, count);
        return p0 + (x - q0) / (q1 - q0) * (p1 - p0);
    }

    /** The first index whose quantile is ≥ x ({@code above} false) or > x ({@code above} true). */
    private int firstIndex(double x, boolean above) {
        int low = 0;
        int high = quantiles.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (above ? quantiles[mid] <= x : quantiles[mid] < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public double apply(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double p = Math.min(1 - BOUND, Math.max(BOUND, cdf(x)));
        return NORMAL.inverseCumulativeProbability(p);
    }

    @Override
    public void writeState(Map<String, Object> state) {
        state.put("transform", "quantile");
        state.put("quantiles", State.boxed(quantiles));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuantileNormal that && Arrays.equals(quantiles, that.quantiles);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(quantiles);
    }

    @Override
    public String toString() {
        return "QuantileNormal" + Arrays.toString(quantiles);
    }
}
