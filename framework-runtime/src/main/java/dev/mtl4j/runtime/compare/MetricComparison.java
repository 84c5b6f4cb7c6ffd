package dev.mtl4j.runtime.compare;

/**
 * One metric of one task, model A against model B: the means over seeds, the mean difference A − B
 * and its 95% interval, and what that says.
 *
 * @param metric the metric's name
 * @param a A's value, the mean over seeds
 * @param b B's value, the mean over seeds
 * @param difference the mean over seeds of A − B (raw: for a loss, negative is better)
 * @param low the interval's low end
 * @param high the interval's high end
 * @param outcome BETTER or WORSE when the interval excludes 0 (in the metric's direction), else UNCLEAR
 */
public record MetricComparison(String metric, double a, double b, double difference, double low, double high, Outcome outcome) {
}
