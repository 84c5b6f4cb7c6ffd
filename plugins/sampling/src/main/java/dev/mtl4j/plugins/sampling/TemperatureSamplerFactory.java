package dev.mtl4j.plugins.sampling;

import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.api.spi.TaskSamplerFactory;

/** {@code temperature}: each batch's data set drawn with p ∝ rows^(1/T). */
public final class TemperatureSamplerFactory implements TaskSamplerFactory<TemperatureConfig> {

    @Override
    public String name() {
        return "temperature";
    }

    @Override
    public String description() {
        return "Each batch's data set drawn with probability ∝ rows^(1/T); an epoch has as many batches as one "
                + "pass over every row.";
    }

    @Override
    public Class<TemperatureConfig> configType() {
        return TemperatureConfig.class;
    }

    @Override
    public TaskSampler create(TemperatureConfig config) {
        return new TemperatureSampler(config.temperature());
    }
}
