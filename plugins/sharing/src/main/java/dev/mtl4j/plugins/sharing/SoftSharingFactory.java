package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.SharingStrategyFactory;

/** {@code soft} sharing. */
public final class SoftSharingFactory implements SharingStrategyFactory<SoftSharingConfig> {

    @Override
    public String name() {
        return "soft";
    }

    @Override
    public String description() {
        return "One encoder tower per task (same shape); penalty: l2 adds c·Σ‖θ_a−θ_b‖² between corresponding tower parameters to the loss, crossStitch: true adds learned cross-stitch units after each layer (Misra et al. 2016).";
    }

    @Override
    public Class<SoftSharingConfig> configType() {
        return SoftSharingConfig.class;
    }

    @Override
    public SharingStrategy create(SoftSharingConfig config) {
        return new SoftSharing(config);
    }
}
