package dev.mtl4j.api.spec;

import java.util.List;

/**
 * One task: its head, its weight λ in the joint loss {@code L = Σ λ_i L_i}, and the data columns
 * that hold its labels.
 *
 * @param name the task's name, unique in the pipeline; also the default label column
 * @param head the head component ({@code classification}, {@code regression}, ...)
 * @param weight λ ≥ 0; it scales the task's gradient, so λ = 0 means the task trains nothing
 * @param labels the label columns (one for most heads, several for multilabel or multi-output regression)
 * @param data the task's own data set, or null when it reads the pipeline's {@code data:} rows
 */
public record TaskSpec(String name, ComponentSpec head, double weight, List<String> labels, TaskDataSpec data) {

    public static final double DEFAULT_WEIGHT = 1.0;

    public TaskSpec {
        SpecException.requireName(name, "name");
        // Task names become scopes of vertex names ("task/<name>/output"), where '/' separates scopes.
        SpecException.require(!name.contains("/"), "name", "must not contain '/': '" + name + "'");
        SpecException.require(head != null, "head", "is required");
        SpecException.require(Double.isFinite(weight) && weight >= 0, "weight",
                "must be a finite number >= 0, got " + weight);
        labels = labels == null || labels.isEmpty() ? List.of(name) : List.copyOf(labels);
        for (String label : labels) {
            SpecException.requireName(label, "labels");
        }
        SpecException.require(labels.stream().distinct().count() == labels.size(), "labels",
                "lists a column twice: " + labels);
    }

    /** A task that reads the pipeline's rows. */
    public TaskSpec(String name, ComponentSpec head, double weight, List<String> labels) {
        this(name, head, weight, labels, null);
    }

    public TaskSpec(String name, ComponentSpec head) {
        this(name, head, DEFAULT_WEIGHT, List.of(name));
    }

    /** Whether the task brings its own data set. */
    public boolean hasOwnData() {
        return data != null;
    }
}
