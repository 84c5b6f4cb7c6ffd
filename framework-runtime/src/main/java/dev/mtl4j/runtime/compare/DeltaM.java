package dev.mtl4j.runtime.compare;

import dev.mtl4j.runtime.eval.Metrics;
import java.util.List;

/**
 * Δm, the relative gain of A over B (Maninis et al. 2019), in LibMTL's form: per task the mean over its
 * metrics of {@code s_m (A_m − B_m) / B_m} (s = +1 where higher is better, −1 where lower is), then the
 * mean over tasks. Positive: A is better. A metric whose B is 0 or undefined is left out.
 */
public final class DeltaM {
    private DeltaM() {
    }

    /** Over every metric of every task (LibMTL). */
    public static double allMetrics(List<TaskComparison> tasks) {
        return mean(tasks, Integer.MAX_VALUE);
    }

    /** Over each task's first metric only (accuracy for classification, mse for regression): the form of docs/results.md. */
    public static double firstMetric(List<TaskComparison> tasks) {
        return mean(tasks, 1);
    }

    private static double mean(List<TaskComparison> tasks, int metricsPerTask) {
        double sum = 0;
        int counted = 0;
        for (TaskComparison task : tasks) {
            double taskSum = 0;
            int taskCount = 0;
            for (MetricComparison m : task.metrics().subList(0, Math.min(metricsPerTask, task.metrics().size()))) {
                if (!Double.isFinite(m.a()) || !Double.isFinite(m.b()) || m.b() == 0) {
                    continue;
                }
                taskSum += (Metrics.higherIsBetter(m.metric()) ? 1 : -1) * (m.a() - m.b()) / Math.abs(m.b());
                taskCount++;
            }
            if (taskCount > 0) {
                sum += taskSum / taskCount;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
