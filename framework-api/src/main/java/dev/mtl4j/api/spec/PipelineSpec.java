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
 * @param strategy a transfer strategy that shapes training from scratch: domain adaptation
 *     ({@code domain-adversarial}, {@code coral}, with {@code data.target}) or meta-learning
 *     ({@code reptile}, {@code fomaml}); null for ordinary multi-task training
 */
public record PipelineSpec(String name, DataSpec data, ComponentSpec encoder, ComponentSpec sharing,
                           List<TaskSpec> tasks, TrainingSpec training, ComponentSpec strategy) {

    public PipelineSpec {
        SpecException.requireName(name, "pipeline");
        SpecException.require(data != null, "data", "is required");
        tasks = List.copyOf(tasks);
        if (data.source() == null) {
            for (TaskSpec task : tasks) {
                SpecException.require(task.hasOwnData(), "data.source", "is required: task '" + task.name()
                        + "' has no data of its own (tasks." + task.name() + ".data)");
            }
        }
        SpecException.require(encoder != null, "encoder", "is required");
        sharing = sharing == null ? ComponentSpec.of("hard") : sharing;
        SpecException.require(!tasks.isEmpty(), "tasks", "declare at least one task");
        Set<String> names = new HashSet<>();
        Set<String> labelColumns = new HashSet<>();
        for (TaskSpec task : tasks) {
            SpecException.require(names.add(task.name()), "tasks." + task.name(), "is declared twice");
            // Tasks with their own file cannot clash over a column of another file.
            for (String label : task.hasOwnData() ? List.<String>of() : task.labels()) {
                SpecException.require(labelColumns.add(label), "tasks." + task.name() + ".labels",
                        "column '" + label + "' is already the label of another task");
            }
        }
        training = training == null ? TrainingSpec.defaults() : training;
        if (data.target() != null) {
            SpecException.require(strategy != null, "data.target", "target-domain rows are for a domain-adaptation strategy;"
                    + " set strategy: { type: domain-adversarial } (or coral), or remove data.target");
        }
        if (strategy != null && tasks.stream().anyMatch(TaskSpec::hasOwnData)) {
            throw new SpecException("strategy", "reads the pipeline's data; tasks that bring their own data sets"
                    + " cannot be trained with a transfer strategy");
        }
        if (training.earlyStopping() != null && !mayHaveValidation(data, tasks)) {
            throw new SpecException("training.earlyStopping", "needs validation rows; set data.split.validation (e.g. 0.1)");
        }
        if (training.sampler() != null && tasks.stream().noneMatch(TaskSpec::hasOwnData)) {
            throw new SpecException("training.sampler", "picks between the data sets of tasks that bring their own"
                    + " (tasks.NAME.data); every task here reads the pipeline's data, so there is nothing to sample");
        }
        if (training.earlyStopping() != null && training.earlyStopping().task() != null) {
            String watched = training.earlyStopping().task();
            SpecException.require(names.contains(watched), "training.earlyStopping.task",
                    "there is no task '" + watched + "'; tasks are " + names);
            TaskSpec task = tasks.stream().filter(t -> t.name().equals(watched)).findFirst().orElseThrow();
            boolean validated = task.hasOwnData() ? task.data().mayHaveValidation()
                    : data.split().column() != null || data.split().validation() > 0;
            SpecException.require(validated, "training.earlyStopping.task", "task '" + watched + "' has no validation rows; set "
                    + (task.hasOwnData() ? "tasks." + watched + ".data" : "data") + ".split.validation (e.g. 0.1)");
        }
    }

    /** A pipeline trained the ordinary way, without a strategy. */
    public PipelineSpec(String name, DataSpec data, ComponentSpec encoder, ComponentSpec sharing, List<TaskSpec> tasks,
                        TrainingSpec training) {
        this(name, data, encoder, sharing, tasks, training, null);
    }

    /** The same pipeline with another strategy, or none (null). */
    public PipelineSpec withStrategy(ComponentSpec value) {
        return new PipelineSpec(name, data, encoder, sharing, tasks, training, value);
    }

    /** The same pipeline with other data. */
    public PipelineSpec withData(DataSpec value) {
        return new PipelineSpec(name, value, encoder, sharing, tasks, training, strategy);
    }

    private static boolean mayHaveValidation(DataSpec data, List<TaskSpec> tasks) {
        boolean pipelineData = tasks.stream().anyMatch(t -> !t.hasOwnData());
        boolean shared = pipelineData && (data.split().column() != null || data.split().validation() > 0);
        return shared || tasks.stream().anyMatch(t -> t.hasOwnData() && t.data().mayHaveValidation());
    }

    /** Whether some task brings its own data set: then batches come from one data set at a time, picked by the sampler. */
    public boolean hasTaskData() {
        return tasks.stream().anyMatch(TaskSpec::hasOwnData);
    }

    public Optional<TaskSpec> task(String taskName) {
        return tasks.stream().filter(t -> t.name().equals(taskName)).findFirst();
    }

    /** Every column some task reads its labels from (in its own file or in the pipeline's). */
    public Set<String> labelColumns() {
        Set<String> columns = new HashSet<>();
        tasks.forEach(t -> columns.addAll(t.labels()));
        return columns;
    }

    /** This pipeline trained otherwise (the same network, data and tasks). */
    public PipelineSpec withTraining(TrainingSpec value) {
        return new PipelineSpec(name, data, encoder, sharing, tasks, value);
    }
}
