package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code mgda}. */
public final class MgdaWeightingFactory implements TaskWeightingFactory<MgdaConfig> {

    @Override
    public String name() {
        return "mgda";
    }

    @Override
    public String description() {
        return "MGDA (Sener and Koltun 2018): the min-norm point of the task gradients' convex hull; on the representation, MGDA-UB.";
    }

    @Override
    public Class<MgdaConfig> configType() {
        return MgdaConfig.class;
    }

    @Override
    public TaskWeighting create(MgdaConfig config) {
        return new MgdaWeighting(config);
    }
}
