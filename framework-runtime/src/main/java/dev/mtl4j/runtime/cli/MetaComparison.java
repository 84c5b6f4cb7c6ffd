package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.meta.MetaResult;
import java.util.Locale;
import java.util.Map;

/**
 * Meta-learned against pretrained and from scratch, side by side: for each task and each step count
 * measured, the first metric of the task (accuracy, or MSE for regression) averaged over the held-out tasks.
 */
final class MetaComparison {
    private MetaComparison() {
    }

    static String render(MetaResult result) {
        StringBuilder text = new StringBuilder("held-out tasks, adapted on their k support rows by the same inner loop"
                + " (mean over tasks):");
        text.append(String.format(Locale.ROOT, "%n  %-14s %-12s %-10s %12s %12s %12s", "split", "task", "metric",
                "meta-learned", "pretrained", "scratch"));
        result.metaLearned().metrics().forEach((split, tasks) -> tasks.forEach((task, metrics) -> {
            String metric = metrics.keySet().iterator().next();
            text.append(String.format(Locale.ROOT, "%n  %-14s %-12s %-10s %12.4f %12.4f %12.4f", split, task, metric,
                    metrics.get(metric), value(result.pretrained(), split, task, metric), value(result.scratch(), split, task, metric)));
        }));
        return text.toString();
    }

    private static double value(TrainingResult result, String split, String task, String metric) {
        Map<String, Map<String, Double>> tasks = result.metrics().get(split);
        return tasks == null || !tasks.containsKey(task) ? Double.NaN : tasks.get(task).getOrDefault(metric, Double.NaN);
    }
}
