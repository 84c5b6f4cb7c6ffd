package dev.mtl4j.api.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pipeline that starts from a trained model: its encoder (and sharing, and feature encoding) come
 * from the source; the new tasks get new heads; kept source tasks go on training beside them.
 *
 * @param name the pipeline's name
 * @param transfer the source model, the strategy and the kept tasks
 * @param data the new rows
 * @param tasks the new tasks (may be empty when source tasks are kept)
 * @param training how to train
 */
public record TransferPipelineSpec(String name, TransferSpec transfer, TransferDataSpec data, List<TaskSpec> tasks,
                                   TrainingSpec training) {

    public TransferPipelineSpec {
        SpecException.requireName(name, "pipeline");
        SpecException.require(transfer != null, "transfer", "is required");
        SpecException.require(data != null, "data", "is required");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        SpecException.require(!tasks.isEmpty() || !transfer.keep().isEmpty(), "tasks",
                "declare at least one new task, or keep a source task (transfer.keep)");
        Set<String> names = new HashSet<>(transfer.keep());
        for (TaskSpec task : tasks) {
            SpecException.require(names.add(task.name()), "tasks." + task.name(),
                    "is declared twice (as a new task and in transfer.keep, or twice)");
        }
        training = training == null ? TrainingSpec.defaults() : training;
        SpecException.require(training.sampler() == null, "training.sampler",
                "a transfer pipeline reads one data set; there is nothing for a task sampler to choose");
        for (TaskSpec task : tasks) {
            SpecException.require(!task.hasOwnData(), "tasks." + task.name() + ".data",
                    "the tasks of a transfer pipeline read its data section");
        }
        if (training.earlyStopping() != null && data.split().column() == null && data.split().validation() == 0) {
            throw new SpecException("training.earlyStopping", "needs validation rows; set data.split.validation (e.g. 0.1)");
        }
    }
}
