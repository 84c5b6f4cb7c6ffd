package dev.mtl4j.examples.balance;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pipeline's comparison as a Markdown table: per method, each task's test metric (mean ± standard
 * deviation over the seeds) and Δm against the tasks trained alone, {@code (1/T) Σ s_t (M_t − S_t)/S_t}
 * with s_t = +1 for accuracy and −1 for a regression task's MSE.
 */
final class ComparisonTable {
    private ComparisonTable() {
    }

    /** Accuracy for a classification task, MSE for a regression task. */
    static String metricOf(PipelineSpec spec, String task) {
        TaskSpec found = spec.tasks().stream().filter(t -> t.name().equals(task)).findFirst().orElseThrow();
        return found.head().type().equals("regression") ? "mse" : "accuracy";
    }

    static String render(PipelineSpec spec, ComparisonResults.Found found, List<String> methods, List<Long> seeds) {
        List<String> tasks = spec.tasks().stream().map(TaskSpec::name).toList();
        Map<String, Double> alone = new LinkedHashMap<>();
        for (String task : tasks) {
            alone.put(task, mean(values(found, "single-task:" + task, task, seeds)));
        }
        StringBuilder table = new StringBuilder("\n### " + spec.name() + " (test " + String.join(", ", tasks.stream()
                .map(t -> t + " " + metricOf(spec, t)).toList()) + "; " + seeds.size() + " seeds)\n\n| method |");
        tasks.forEach(t -> table.append(' ').append(t).append(" |"));
        table.append(" Δm |\n|---|");
        tasks.forEach(t -> table.append("---|"));
        table.append("---|\n| each task alone |");
        tasks.forEach(t -> table.append(String.format(Locale.ROOT, " %s |", meanSd(values(found, "single-task:" + t, t, seeds)))));
        table.append(" 0 |\n");
        for (String method : methods) {
            if (found.skipped().containsKey(method)) {
                continue;
            }
            double delta = 0;
            boolean complete = true;
            StringBuilder row = new StringBuilder("| " + method + (found.notes().containsKey(method) ? " (parameters)" : "") + " |");
            for (String task : tasks) {
                List<Double> values = values(found, method, task, seeds);
                complete &= values.size() == seeds.size();
                row.append(' ').append(meanSd(values)).append(" |");
                double sign = metricOf(spec, task).equals("mse") ? -1 : 1;
                delta += sign * (mean(values) - alone.get(task)) / alone.get(task) / tasks.size();
            }
            row.append(String.format(Locale.ROOT, " %+.2f %% |", 100 * delta));
            if (complete) {
                table.append(row).append('\n');
            }
        }
        found.skipped().forEach((method, reason) -> table.append("\n").append(method).append(": not applicable (")
                .append(reason.replaceAll(".*training.weighting.type: ", "")).append(")"));
        return table.toString();
    }

    private static List<Double> values(ComparisonResults.Found found, String label, String task, List<Long> seeds) {
        List<Double> values = new ArrayList<>();
        for (ComparisonResults.Run run : found.runs()) {
            if (run.label().equals(label) && seeds.contains(run.seed()) && run.values().containsKey(task)) {
                values.add(run.values().get(task));
            }
        }
        return values;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static String meanSd(List<Double> values) {
        double mean = mean(values);
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.size() - 1);
        return String.format(Locale.ROOT, "%.4f ± %.4f", mean, Math.sqrt(variance));
    }
}
