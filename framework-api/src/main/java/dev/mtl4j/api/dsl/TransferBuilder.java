package dev.mtl4j.api.dsl;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.api.spec.TransferSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Builds a {@link TransferPipelineSpec}; see {@link Mtl#transfer(String, String)}. */
public final class TransferBuilder {
    private final String name;
    private final String from;
    private ComponentSpec strategy;
    private final List<String> keep = new ArrayList<>();
    private Data data;
    private final List<TaskSpec> tasks = new ArrayList<>();
    private TrainingSpec training = TrainingSpec.defaults();

    TransferBuilder(String name, String from) {
        this.name = name;
        this.from = from;
    }

    public TransferBuilder strategy(ComponentSource value) {
        strategy = value.toSpec();
        return this;
    }

    /** Source tasks whose heads come along and go on training. */
    public TransferBuilder keep(String... sourceTasks) {
        keep.addAll(Arrays.asList(sourceTasks));
        return this;
    }

    /** The new rows: a source and a split; the features come from the source model. */
    public TransferBuilder data(Data value) {
        data = value;
        return this;
    }

    /** A new task with a new head, at weight λ. */
    public TransferBuilder task(String taskName, ComponentSource head, double weight) {
        tasks.add(new TaskSpec(taskName, head.toSpec(), weight, List.of(taskName)));
        return this;
    }

    /** A new task at λ = 1. */
    public TransferBuilder task(String taskName, ComponentSource head) {
        return task(taskName, head, TaskSpec.DEFAULT_WEIGHT);
    }

    public TransferBuilder training(Consumer<Training> settings) {
        Training builder = new Training();
        settings.accept(builder);
        training = builder.build();
        return this;
    }

    public TransferPipelineSpec build() {
        if (strategy == null) {
            throw new SpecException("transfer.strategy", "is required: call .strategy(Transfers.fineTune()...)");
        }
        if (data == null) {
            throw new SpecException("data", "is required: call .data(Data.csv(\"file.csv\").split(..))");
        }
        return new TransferPipelineSpec(name, new TransferSpec(from, strategy, keep), data.buildForTransfer(), tasks, training);
    }
}
