package dev.mtl4j.runtime.cli;

import java.util.Locale;
import java.util.Map;

/** Metrics as an aligned text table: one row per split and task. */
final class MetricsTable {
    private MetricsTable() {
    }

    static String render(Map<String, Map<String, Map<String, Double>>> bySplit) {
        int taskWidth = 4;
        for (Map<String, Map<String, Double>> tasks : bySplit.values()) {
            for (String task : tasks.keySet()) {
                taskWidth = Math.max(taskWidth, task.length());
            }
        }
        StringBuilder text = new StringBuilder();
        String format = "%-12s %-" + taskWidth + "s  %s%n";
        text.append(String.format(Locale.ROOT, format, "split", "task", "metrics"));
        bySplit.forEach((split, tasks) -> tasks.forEach((task, metrics) -> {
            StringBuilder values = new StringBuilder();
            metrics.forEach((name, value) -> values.append(String.format(Locale.ROOT, "%s=%.4f  ", name, value)));
            text.append(String.format(Locale.ROOT, format, split, task, values.toString().trim()));
        }));
        return text.toString().stripTrailing();
    }
}
