package dev.mtl4j.api.dsl;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds a {@link PipelineSpec}; see {@link Mtl#pipeline(String)}. */
public class PipelineBuilder {
    private final String name;
    private Data data;
    private ComponentSpec encoder;
    private ComponentSpec sharing = Sharing.hard().toSpec();
    private final List<TaskBuilder> tasks = new ArrayList<>();
    private TrainingSpec training = TrainingSpec.defaults();
    private ComponentSpec strategy;

    PipelineBuilder(String name) {
        this.name = name;
    }

    /** For {@link TaskBuilder}, which continues the chain of its pipeline. */
    PipelineBuilder(PipelineBuilder shared) {
        this.name = shared.name;
    }

    PipelineBuilder owner() {
        return this;
    }

    public PipelineBuilder data(Data value) {
        owner().data = value;
        return owner();
    }

    public PipelineBuilder encoder(ComponentSource value) {
        owner().encoder = value.toSpec();
        return owner();
    }

    public PipelineBuilder sharing(ComponentSource value) {
        owner().sharing = value.toSpec();
        return owner();
    }

    /** Adds a task whose labels are in the column of the same name; chain {@code .weight(..)}, {@code .labels(..)}. */
    public TaskBuilder task(String taskName, ComponentSource head) {
        TaskBuilder task = new TaskBuilder(owner(), taskName, head.toSpec());
        owner().tasks.add(task);
        return task;
    }

    /**
     * Trains with a transfer strategy from scratch: domain adaptation ({@link Transfers#domainAdversarial()},
     * {@link Transfers#coral()}, with {@link Data#target}) or meta-learning ({@link Transfers#reptile()},
     * {@link Transfers#fomaml()}).
     */
    public PipelineBuilder strategy(ComponentSource value) {
        owner().strategy = value.toSpec();
        return owner();
    }

    public PipelineBuilder training(Consumer<Training> settings) {
        Training builder = new Training();
        settings.accept(builder);
        owner().training = builder.build();
        return owner();
    }

    /**
     * Validates and returns the spec.
     *
     * @throws dev.mtl4j.api.spec.SpecException naming the first value that breaks its contract
     */
    public PipelineSpec build() {
        PipelineBuilder self = owner();
        if (self.data == null) {
            throw new dev.mtl4j.api.spec.SpecException("data", "is required: call .data(Data.csv(\"file.csv\")...)");
        }
        if (self.encoder == null) {
            throw new dev.mtl4j.api.spec.SpecException("encoder", "is required: call .encoder(Encoders.mlp()...)");
        }
        List<TaskSpec> specs = self.tasks.stream().map(TaskBuilder::toSpec).toList();
        return new PipelineSpec(self.name, self.data.build(), self.encoder, self.sharing, specs, self.training, self.strategy);
    }
}
