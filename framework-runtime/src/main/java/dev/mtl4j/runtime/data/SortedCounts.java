package dev.mtl4j.runtime.data;

import java.util.Arrays;

/**
 * The training cells of a numeric column as its distinct values in ascending order with how often
 * each occurs: what quantiles need, in memory of the distinct values rather than of the rows.
 */
final class SortedCounts {
    private final double[] values;
    /** {@code upTo[i]}: how many cells are ≤ {@code values[i]}. */
    private final long[] upTo;

    /** {@code values} distinct, ascending; {@code counts[i] > 0} cells of each. */
    SortedCounts(double[] values, long[] counts) {
        this.values = values.clone();
        this.upTo = new long[counts.length];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
            upTo[i] = total;
        }
    }

    /** How many cells. */
    long size() {
        return upTo.length == 0 ? 0 : upTo[upTo.length - 1];
    }

    /**
     * The {@code p}-quantile as NumPy's default (linear, R's type 7) computes it on the cells sorted:
     * position {@code h = (n − 1) p}, the cell at {@code ⌊h⌋} plus {@code h − ⌊h⌋} of the way to the next.
     */
    double quantile(double p) {
        double h = (size() - 1) * p;
        long below = (long) Math.floor(h);
        double low = at(below);
        double high = at(Math.min(below + 1, size() - 1));
        return low + (h - below) * (high - low);
    }

    /** The cell at position {@code rank} (from 0) of the sorted cells. */
    private double at(long rank) {
        int found = Arrays.binarySearch(upTo, rank + 1);
        // the first value with more than `rank` cells up to it
        return values[found >= 0 ? found : -found - 1];
    }
}
