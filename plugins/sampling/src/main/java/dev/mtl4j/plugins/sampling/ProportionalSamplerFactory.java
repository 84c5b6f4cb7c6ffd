package dev.mtl4j.plugins.sampling;

import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.api.spi.TaskSamplerFactory;

/** {@code proportional}: batches in proportion to each data set's size; an epoch is one pass over every row. */
public final class ProportionalSamplerFactory implements TaskSamplerFactory<NoParams> {

    @Override
    public String name() {
        return "proportional";
    }

    @Override
    public String description() {
        return "Each data set's batches in proportion to its size: an epoch is one pass over every row of every task, "
                + "the data sets' batches interleaved at random.";
    }

    @Override
    public Class<NoParams> configType() {
        return NoParams.class;
    }

    @Override
    public TaskSampler create(NoParams config) {
        return new ProportionalSampler();
    }
}
