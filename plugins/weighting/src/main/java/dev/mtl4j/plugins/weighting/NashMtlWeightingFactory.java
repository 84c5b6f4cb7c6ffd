package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code nash-mtl}. */
public final class NashMtlWeightingFactory implements TaskWeightingFactory<GradientsConfig> {

    @Override
    public String name() {
        return "nash-mtl";
    }

    @Override
    public String description() {
        return "Nash-MTL (Navon et al. 2022): the Nash bargaining solution of the tasks, Gα = 1/α.";
    }

    @Override
    public Class<GradientsConfig> configType() {
        return GradientsConfig.class;
    }

    @Override
    public TaskWeighting create(GradientsConfig config) {
        return new NashMtlWeighting(config);
    }
}
