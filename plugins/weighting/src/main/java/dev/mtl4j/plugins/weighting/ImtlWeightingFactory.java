package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code imtl}. */
public final class ImtlWeightingFactory implements TaskWeightingFactory<GradientsConfig> {

    @Override
    public String name() {
        return "imtl";
    }

    @Override
    public String description() {
        return "IMTL-G (Liu et al. 2021): the combination of task gradients with equal projections on every task's direction.";
    }

    @Override
    public Class<GradientsConfig> configType() {
        return GradientsConfig.class;
    }

    @Override
    public TaskWeighting create(GradientsConfig config) {
        return new ImtlWeighting(config);
    }
}
