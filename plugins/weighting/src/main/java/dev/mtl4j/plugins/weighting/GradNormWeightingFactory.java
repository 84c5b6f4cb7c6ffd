package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code gradnorm}. */
public final class GradNormWeightingFactory implements TaskWeightingFactory<GradNormConfig> {

    @Override
    public String name() {
        return "gradnorm";
    }

    @Override
    public String description() {
        return "GradNorm (Chen et al. 2018): learned weights equalise each task's gradient norm, scaled by its relative training rate^α.";
    }

    @Override
    public Class<GradNormConfig> configType() {
        return GradNormConfig.class;
    }

    @Override
    public TaskWeighting create(GradNormConfig config) {
        return new GradNormWeighting(config);
    }
}
