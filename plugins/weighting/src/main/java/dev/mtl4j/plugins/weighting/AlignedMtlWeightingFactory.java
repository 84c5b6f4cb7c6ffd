package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;

/** {@code aligned-mtl}. */
public final class AlignedMtlWeightingFactory implements TaskWeightingFactory<GradientsConfig> {

    @Override
    public String name() {
        return "aligned-mtl";
    }

    @Override
    public String description() {
        return "Aligned-MTL (Senushkin et al. 2023): task gradients aligned to orthogonal, equal-norm ones, then summed.";
    }

    @Override
    public Class<GradientsConfig> configType() {
        return GradientsConfig.class;
    }

    @Override
    public TaskWeighting create(GradientsConfig config) {
        return new AlignedMtlWeighting(config);
    }
}
