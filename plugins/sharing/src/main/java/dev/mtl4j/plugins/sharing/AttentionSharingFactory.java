package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.SharingStrategyFactory;

/** {@code attention} sharing. */
public final class AttentionSharingFactory implements SharingStrategyFactory<AttentionSharingConfig> {

    @Override
    public String name() {
        return "attention";
    }

    @Override
    public String description() {
        return "Task-specific attention over shared representations: mmoe (experts, a softmax gate per task from the input), mtan (per-task sigmoid attention masks over the shared encoder's layers), cgc (shared and task-specific experts, a gate per task).";
    }

    @Override
    public Class<AttentionSharingConfig> configType() {
        return AttentionSharingConfig.class;
    }

    @Override
    public SharingStrategy create(AttentionSharingConfig config) {
        return new AttentionSharing(config);
    }
}
