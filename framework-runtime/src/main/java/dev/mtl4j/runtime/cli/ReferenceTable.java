package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.eval.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The network beside the reference models on one split: a row per task and metric (each task's
 * metrics except log-loss and MSE, which repeat what the others say), a column per model, and which
 * model is best on the row.
 */
final class ReferenceTable {
    private ReferenceTable() {
    }

    /**
     * @param columns model name to task to metric to value (the network first)
     */
    static String render(Map<String, Map<String, Map<String, Double>>> columns) {
        List<String> models = List.copyOf(columns.keySet());
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("task", "metric"));
        header.addAll(models);
        header.add("best");
        rows.add(header);
        Map<String, Map<String, Double>> first = columns.get(models.get(0));
        first.forEach((task, metrics) -> metrics.keySet().stream().filter(ReferenceTable::shown).forEach(metric -> {
            List<String> row = new ArrayList<>(List.of(task, metric));
            String best = null;
            double bestValue = Double.NaN;
            for (String model : models) {
                Double value = columns.get(model).getOrDefault(task, Map.of()).get(metric);
                row.add(value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", value));
                if (value != null && !value.isNaN() && (best == null
                        || (Metrics.higherIsBetter(metric) ? value > bestValue : value < bestValue))) {
                    best = model;
                    bestValue = value;
                }
            }
            row.add(best == null ? "-" : best);
            rows.add(row);
        }));
        return TextTable.render(rows, 2);
    }

    static boolean shown(String metric) {
        return !metric.equals("log-loss") && !metric.equals("mse");
    }
}
