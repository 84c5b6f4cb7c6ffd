package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.SharingStrategyFactory;

/** {@code task-adapters} sharing. */
public final class TaskAdaptersFactory implements SharingStrategyFactory<TaskAdaptersConfig> {

    @Override
    public String name() {
        return "task-adapters";
    }

    @Override
    public String description() {
        return "One frozen pretrained body (the transformer's embeddings and frozen layers), and over it each task's own"
                + " trainable top: its LoRA matrices, adapters or tuned layers (and dense layers); tasks given the same"
                + " set number in sets share one.";
    }

    @Override
    public Class<TaskAdaptersConfig> configType() {
        return TaskAdaptersConfig.class;
    }

    @Override
    public SharingStrategy create(TaskAdaptersConfig config) {
        return new TaskAdapters(config);
    }
}
