package dev.mtl4j.plugins.sampling;

import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.api.spi.TaskSamplerFactory;

/** {@code uniform}: each batch's data set drawn with equal probability. */
public final class UniformSamplerFactory implements TaskSamplerFactory<NoParams> {

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public String description() {
        return "Each batch's data set drawn with equal probability; an epoch has as many batches as one pass over "
                + "every row.";
    }

    @Override
    public Class<NoParams> configType() {
        return NoParams.class;
    }

    @Override
    public TaskSampler create(NoParams config) {
        return new UniformSampler();
    }
}
