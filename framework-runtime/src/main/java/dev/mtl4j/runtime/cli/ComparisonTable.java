package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.compare.MetricComparison;
import dev.mtl4j.runtime.compare.TaskComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A comparison of two models as an aligned table, one row per task and metric, then a verdict per task. */
final class ComparisonTable {
    private ComparisonTable() {
    }

    /**
     * @param a what model A is, e.g. {@code multi-task}
     * @param b what model B is, e.g. {@code alone}
     * @param subject who the verdict speaks of, e.g. {@code multi-task learning}
     */
    static String render(List<TaskComparison> tasks, String a, String b, String subject) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("task", "metric", a, b, "difference", "95% interval", ""));
        for (TaskComparison task : tasks) {
            for (MetricComparison m : task.metrics()) {
                rows.add(List.of(task.task(), m.metric(), number(m.a()), number(m.b()), signed(m.difference()),
                        signed(m.low()) + " .. " + signed(m.high()), switch (m.outcome()) {
                            case BETTER -> "better";
                            case WORSE -> "worse";
                            case UNCLEAR -> "";
                        }));
            }
        }
        StringBuilder text = new StringBuilder(TextTable.render(rows, 2));
        for (TaskComparison task : tasks) {
            text.append('\n').append(task.task()).append(": ").append(task.verdict().text(subject, b));
        }
        return text.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%+.4f", value);
    }
}
