package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code pcgrad}. */
public final class PcGradWeightingFactory implements TaskWeightingFactory<GradientsConfig> {

    @Override
    public String name() {
        return "pcgrad";
    }

    @Override
    public String description() {
        return "PCGrad (Yu et al. 2020): each task gradient loses its components that conflict with others, then they are summed.";
    }

    @Override
    public Class<GradientsConfig> configType() {
        return GradientsConfig.class;
    }

    @Override
    public TaskWeighting create(GradientsConfig config) {
        return new PcGradWeighting(config);
    }
}
