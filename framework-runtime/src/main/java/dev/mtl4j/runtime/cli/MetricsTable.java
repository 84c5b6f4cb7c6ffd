package dev.mtl4j.runtime.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Metrics as an aligned text table: one row per split (or file) and task, one column per metric
 * (the union over tasks, in first-seen order; a metric a task does not have is left blank).
 */
final class MetricsTable {
    private MetricsTable() {
    }

    /**
     * @param firstColumn what the rows' first key is: {@code split} or {@code file}
     * @param rows first key (a split or a file name) to task to metric to value
     */
    static String render(String firstColumn, Map<String, Map<String, Map<String, Double>>> rows) {
        Set<String> metrics = new LinkedHashSet<>();
        rows.values().forEach(tasks -> tasks.values().forEach(values -> metrics.addAll(values.keySet())));
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(firstColumn, "task"));
        header.addAll(metrics);
        cells.add(header);
        rows.forEach((key, tasks) -> tasks.forEach((task, values) -> {
            List<String> row = new ArrayList<>(List.of(key, task));
            for (String metric : metrics) {
                Double value = values.get(metric);
                row.add(value == null ? "" : value.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4f", value));
            }
            cells.add(row);
        }));
        return TextTable.render(cells, 2);
    }
}
