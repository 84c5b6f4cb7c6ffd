package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.SharingStrategyFactory;

/** {@code hard}: one shared encoder, one head per task. */
public final class HardSharingFactory implements SharingStrategyFactory<HardSharingConfig> {

    @Override
    public String name() {
        return "hard";
    }

    @Override
    public String description() {
        return "Hard parameter sharing: one shared encoder, one head per task on its output (shared bottom).";
    }

    @Override
    public Class<HardSharingConfig> configType() {
        return HardSharingConfig.class;
    }

    @Override
    public SharingStrategy create(HardSharingConfig config) {
        return new HardSharing();
    }
}
