package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code uncertainty}. */
public final class UncertaintyWeightingFactory implements TaskWeightingFactory<UncertaintyConfig> {

    @Override
    public String name() {
        return "uncertainty";
    }

    @Override
    public String description() {
        return "Kendall et al. 2018: a learned log σ_i² per task, loss Σ L_i/(2σ_i²) + log σ_i, trained with the network.";
    }

    @Override
    public Class<UncertaintyConfig> configType() {
        return UncertaintyConfig.class;
    }

    @Override
    public TaskWeighting create(UncertaintyConfig config) {
        return new UncertaintyWeighting(config);
    }
}
