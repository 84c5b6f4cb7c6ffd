package dev.mtl4j.api.spec;

/**
 * How a numeric feature's number becomes a network input; every one is fitted on the training rows
 * only and kept in the model file, so evaluation and prediction apply the same fitted map.
 */
public enum NumericTransform {
    /** {@code (x − mean) / std} of the training cells (the default). */
    STANDARD,
    /**
     * {@code log(1 + x)}, then standardised with the mean and standard deviation of the training
     * cells' logs: for counts and amounts with a long right tail. Every cell must be ≥ 0 (a negative
     * cell is an error naming its row and column).
     */
    LOG,
    /**
     * The cell's rank among the training cells (interpolated between up to 1,000 of their quantiles),
     * mapped through the standard normal's inverse CDF: any distribution becomes about N(0, 1),
     * outliers included; a value beyond the training range maps to the nearest end (±5.2).
     */
    QUANTILE,
    /** {@code (x − median) / IQR} of the training cells: scaling that outliers do not move. */
    ROBUST
}
