package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.SharingStrategyFactory;

/** {@code hierarchical} sharing. */
public final class HierarchicalSharingFactory implements SharingStrategyFactory<HierarchicalSharingConfig> {

    @Override
    public String name() {
        return "hierarchical";
    }

    @Override
    public String description() {
        return "One encoder; each task's head reads the depth named in at (1 = first layer), so low-level tasks supervise lower layers and high-level tasks the top (Søgaard and Goldberg 2016).";
    }

    @Override
    public Class<HierarchicalSharingConfig> configType() {
        return HierarchicalSharingConfig.class;
    }

    @Override
    public SharingStrategy create(HierarchicalSharingConfig config) {
        return new HierarchicalSharing(config);
    }
}
