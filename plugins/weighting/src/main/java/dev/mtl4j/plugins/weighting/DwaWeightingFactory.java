package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code dwa}. */
public final class DwaWeightingFactory implements TaskWeightingFactory<DwaConfig> {

    @Override
    public String name() {
        return "dwa";
    }

    @Override
    public String description() {
        return "Dynamic weight average (Liu et al. 2019): λ_i = K·softmax of each task's last two epoch-loss ratios over T.";
    }

    @Override
    public Class<DwaConfig> configType() {
        return DwaConfig.class;
    }

    @Override
    public TaskWeighting create(DwaConfig config) {
        return new DwaWeighting(config);
    }
}
