package dev.mtl4j.api.dsl;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.TaskSpec;
import java.util.Arrays;
import java.util.List;

/**
 * One task being declared. It continues the pipeline's chain, so
 * {@code .task("digit", Heads.classification(10)).weight(0.5).task(...)} reads as one sentence.
 */
public final class TaskBuilder extends PipelineBuilder {
    private final PipelineBuilder pipeline;
    private final String name;
    private final ComponentSpec head;
    private double weight = TaskSpec.DEFAULT_WEIGHT;
    private List<String> labels = List.of();
    private Data data;

    TaskBuilder(PipelineBuilder pipeline, String name, ComponentSpec head) {
        super(pipeline);
        this.pipeline = pipeline;
        this.name = name;
        this.head = head;
    }

    @Override
    PipelineBuilder owner() {
        return pipeline;
    }

    /** λ: this task's weight in the joint loss. */
    public TaskBuilder weight(double value) {
        weight = value;
        return this;
    }

    /** The label columns, when they are not the single column named like the task. */
    public TaskBuilder labels(String... columns) {
        labels = Arrays.asList(columns);
        return this;
    }

    /**
     * The task's own data set (YAML {@code tasks.NAME.data}): a source, its split and dropped columns,
     * e.g. {@code .ownData(Data.csv("parity.csv").split(0.2, 7))}. Features are declared once, on the
     * pipeline. (Not {@code data(..)}: that, inherited, still sets the pipeline's data.)
     */
    public TaskBuilder ownData(Data value) {
        data = value;
        return this;
    }

    TaskSpec toSpec() {
        return new TaskSpec(name, head, weight, labels, data == null ? null : data.buildForTask(name));
    }
}
