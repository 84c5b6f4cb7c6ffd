package dev.mtl4j.api.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A whole multi-task pipeline: data, a shared encoder, how tasks share it, the tasks, and training.
 * The YAML loader and the {@code Mtl.pipeline(..)} DSL both produce it; equal pipelines give equal
 * specs.
 *
 * @param name the pipeline's name
 * @param data where rows come from and how columns become features
 * @param encoder the encoder component (the shared body)
 * @param sharing the sharing strategy component ({@code hard}, ...)
 * @param tasks the tasks, in order; at least one, names unique
 * @param training how to train
 */
public record PipelineSpec(String name, DataSpec data, ComponentSpec encoder, ComponentSpec sharing,
                           List<TaskSpec> tasks, TrainingSpec training) {

    public PipelineSpec {
        SpecException.requireName(name, "pipeline");
        SpecException.require(data != null, "data", "is required");
        SpecException.require(encoder != null, "encoder", "is required");
        sharing = sharing == null ? ComponentSpec.of("hard") : sharing;
        tasks = List.copyOf(tasks);
        SpecException.require(!tasks.isEmpty(), "tasks", "declare at least one task");
        Set<String> names = new HashSet<>();
        Set<String> labelColumns = new HashSet<>();
        for (TaskSpec task : tasks) {
            SpecException.require(names.add(task.name()), "tasks." + task.name(), "is declared twice");
            for (String label : task.labels()) {
                SpecException.require(labelColumns.add(label), "tasks." + task.name() + ".labels",
                        "column '" + label + "' is already the label of another task");
            }
        }
        training = training == null ? TrainingSpec.defaults() : training;
        if (training.earlyStopping() != null && data.split().column() == null && data.split().validation() == 0) {
            throw new SpecException("training.earlyStopping", "needs validation rows; set data.split.validation (e.g. 0.1)");
        }
        if (training.earlyStopping() != null && training.earlyStopping().task() != null) {
            String watched = training.earlyStopping().task();
            SpecException.require(names.contains(watched), "training.earlyStopping.task",
                    "there is no task '" + watched + "'; tasks are " + names);
        }
    }

    public Optional<TaskSpec> task(String taskName) {
        return tasks.stream().filter(t -> t.name().equals(taskName)).findFirst();
    }

    /** Every column some task reads its labels from. */
    public Set<String> labelColumns() {
        Set<String> columns = new HashSet<>();
        tasks.forEach(t -> columns.addAll(t.labels()));
        return columns;
    }
}
