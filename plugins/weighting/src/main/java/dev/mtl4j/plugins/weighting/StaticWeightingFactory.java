package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code static}. */
public final class StaticWeightingFactory implements TaskWeightingFactory<NoParams> {

    @Override
    public String name() {
        return "static";
    }

    @Override
    public String description() {
        return "λ_i = each task's weight (default 1), every step: the joint loss Σ λ_i L_i.";
    }

    @Override
    public Class<NoParams> configType() {
        return NoParams.class;
    }

    @Override
    public TaskWeighting create(NoParams config) {
        return new StaticWeighting();
    }
}
