package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code rlw}. */
public final class RlwWeightingFactory implements TaskWeightingFactory<NoParams> {

    @Override
    public String name() {
        return "rlw";
    }

    @Override
    public String description() {
        return "Random loss weighting (Lin et al. 2022): λ = softmax of standard normal draws, every step.";
    }

    @Override
    public Class<NoParams> configType() {
        return NoParams.class;
    }

    @Override
    public TaskWeighting create(NoParams config) {
        return new RlwWeighting();
    }
}
