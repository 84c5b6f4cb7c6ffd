package dev.mtl4j.runtime.eval;

/** Each label column's mean over the rows that have the label, summed in row order (for R²). */
final class LabelMean {
    private final double[] sums;
    private final long[] counts;

    LabelMean(int columns) {
        sums = new double[columns];
        counts = new long[columns];
    }

    void add(int column, float value) {
        sums[column] += value;
        counts[column]++;
    }

    /**
     * Adds {@code rows} rows of {@code labels} (row-major, one value per column) whose mask
     * ({@code rows * maskWidth} values, or null) is not 0.
     */
    void add(float[] labels, float[] mask, int rows) {
        int columns = sums.length;
        int maskWidth = mask == null ? 0 : mask.length / Math.max(rows, 1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (mask == null || mask[r * maskWidth + (maskWidth == 1 ? 0 : c)] > 0) {
                    add(c, labels[r * columns + c]);
                }
            }
        }
    }

    double mean(int column) {
        return counts[column] == 0 ? 0 : sums[column] / counts[column];
    }

    double[] means() {
        double[] means = new double[sums.length];
        for (int c = 0; c < means.length; c++) {
            means[c] = mean(c);
        }
        return means;
    }
}
