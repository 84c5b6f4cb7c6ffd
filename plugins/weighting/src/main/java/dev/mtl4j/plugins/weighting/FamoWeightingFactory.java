package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code famo}. */
public final class FamoWeightingFactory implements TaskWeightingFactory<FamoConfig> {

    @Override
    public String name() {
        return "famo";
    }

    @Override
    public String description() {
        return "FAMO (Liu et al. 2023): learned logits balance the rate at which each task's log loss falls.";
    }

    @Override
    public Class<FamoConfig> configType() {
        return FamoConfig.class;
    }

    @Override
    public TaskWeighting create(FamoConfig config) {
        return new FamoWeighting(config);
    }
}
