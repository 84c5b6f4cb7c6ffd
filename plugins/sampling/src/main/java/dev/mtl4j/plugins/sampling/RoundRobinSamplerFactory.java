package dev.mtl4j.plugins.sampling;

import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.api.spi.TaskSamplerFactory;

/** {@code round-robin}: the data sets take turns, one batch each. */
public final class RoundRobinSamplerFactory implements TaskSamplerFactory<NoParams> {

    @Override
    public String name() {
        return "round-robin";
    }

    @Override
    public String description() {
        return "The data sets take turns, one batch each, in task order; an epoch has as many batches as one pass "
                + "over every row.";
    }

    @Override
    public Class<NoParams> configType() {
        return NoParams.class;
    }

    @Override
    public TaskSampler create(NoParams config) {
        return new RoundRobinSampler();
    }
}
