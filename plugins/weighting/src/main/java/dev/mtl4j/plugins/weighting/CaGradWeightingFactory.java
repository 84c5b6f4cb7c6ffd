package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code cagrad}. */
public final class CaGradWeightingFactory implements TaskWeightingFactory<CaGradConfig> {

    @Override
    public String name() {
        return "cagrad";
    }

    @Override
    public String description() {
        return "CAGrad (Liu et al. 2021): the update near the mean gradient that most improves the worst task.";
    }

    @Override
    public Class<CaGradConfig> configType() {
        return CaGradConfig.class;
    }

    @Override
    public TaskWeighting create(CaGradConfig config) {
        return new CaGradWeighting(config);
    }
}
