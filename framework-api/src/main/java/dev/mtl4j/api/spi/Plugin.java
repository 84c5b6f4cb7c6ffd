package dev.mtl4j.api.spi;

import java.util.List;

/**
 * The one entry point of a plugin jar, found by {@link java.util.ServiceLoader} through a line in
 * {@code META-INF/services/dev.mtl4j.api.spi.Plugin}. Every method defaults to an empty list, so new
 * kinds of extension never break old plugins. Built-in components are plugins found the same way.
 */
public interface Plugin {

    /** A short name for listings and error messages. */
    default String name() {
        return getClass().getSimpleName();
    }

    default List<EncoderFactory<?>> encoders() {
        return List.of();
    }

    default List<HeadFactory<?>> heads() {
        return List.of();
    }

    default List<SharingStrategyFactory<?>> sharingStrategies() {
        return List.of();
    }

    default List<TransferStrategyFactory<?>> transferStrategies() {
        return List.of();
    }

    /** Task samplers: which task's data set each batch comes from when tasks bring their own data. */
    default List<TaskSamplerFactory<?>> taskSamplers() {
        return List.of();
    }

    /** Task-weighting methods: how the tasks' losses or gradients make one update. */
    default List<TaskWeightingFactory<?>> taskWeightings() {
        return List.of();
    }

    default List<DatasetFactory<?>> datasets() {
        return List.of();
    }
}
