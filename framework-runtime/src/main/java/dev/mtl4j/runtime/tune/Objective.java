package dev.mtl4j.runtime.tune;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.config.SearchSpec;
import dev.mtl4j.runtime.eval.Metrics;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * What a search maximises on the validation rows: the mean of every task's first quality metric
 * (accuracy for classification, binary and multi-label tasks, R² for regression), or one task's
 * metric ({@code TASK.METRIC}; a loss or an error is minimised).
 *
 * @param task the task, or null for the mean
 * @param metric the metric, or null for the mean
 */
public record Objective(String task, String metric) {

    /** Reads {@code search.objective} against the pipeline's tasks (a task name may contain dots). */
    public static Objective of(String text, PipelineSpec spec) {
        if (text.equals(SearchSpec.MEAN)) {
            return new Objective(null, null);
        }
        Optional<TaskSpec> task = spec.tasks().stream().filter(t -> text.startsWith(t.name() + "."))
                .max(Comparator.comparingInt(t -> t.name().length()));
        if (task.isEmpty()) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("search.objective", "expected mean or TASK.METRIC "
                    + "with one of the tasks " + spec.tasks().stream().map(TaskSpec::name).toList() + ", got '" + text + "'"));
        }
        return new Objective(task.get().name(), text.substring(task.get().name().length() + 1));
    }

    public boolean higherIsBetter() {
        return metric == null || Metrics.higherIsBetter(metric);
    }

    /** The objective's value from the validation rows' metrics; NaN when a metric is not a number. */
    public double value(Map<String, Map<String, Double>> validation) {
        if (task != null) {
            Double value = validation.getOrDefault(task, Map.of()).get(metric);
            if (value == null) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("search.objective", "task '" + task
                        + "' has no metric '" + metric + "'; it has " + validation.getOrDefault(task, Map.of()).keySet()));
            }
            return value;
        }
        return validation.values().stream().mapToDouble(Objective::quality).average().orElse(Double.NaN);
    }

    private static double quality(Map<String, Double> metrics) {
        return metrics.containsKey("accuracy") ? metrics.get("accuracy") : metrics.getOrDefault("r2", Double.NaN);
    }

    /** For tables: {@code mean of accuracy / r2} or {@code TASK.METRIC}. */
    public String describe() {
        return task == null ? "mean over tasks of accuracy (r2 for regression)" : task + "." + metric;
    }
}
