package dev.mtl4j.runtime.compare;

import java.util.List;

/**
 * Every metric of one task, A against B, and the verdict over all of them.
 *
 * @param task the task
 * @param metrics one comparison per metric, in report order
 * @param verdict the verdict over the metrics ({@link Verdict#of})
 */
public record TaskComparison(String task, List<MetricComparison> metrics, Verdict verdict) {

    public TaskComparison {
        metrics = List.copyOf(metrics);
    }
}
