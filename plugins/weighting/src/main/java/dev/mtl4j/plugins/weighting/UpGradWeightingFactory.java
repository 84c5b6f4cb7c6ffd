package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code upgrad}. */
public final class UpGradWeightingFactory implements TaskWeightingFactory<UpGradConfig> {

    @Override
    public String name() {
        return "upgrad";
    }

    @Override
    public String description() {
        return "UPGrad (Quinton and Rey 2024, TorchJD): each task's share of the mean projected onto the gradients' dual cone, summed.";
    }

    @Override
    public Class<UpGradConfig> configType() {
        return UpGradConfig.class;
    }

    @Override
    public TaskWeighting create(UpGradConfig config) {
        return new UpGradWeighting(config);
    }
}
