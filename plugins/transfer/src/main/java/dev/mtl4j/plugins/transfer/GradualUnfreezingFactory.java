package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.api.spi.TransferStrategyFactory;

/** {@code gradual-unfreezing}: the heads first, then one more encoder layer at a time from the top. */
public final class GradualUnfreezingFactory implements TransferStrategyFactory<GradualUnfreezingConfig> {

    @Override
    public String name() {
        return "gradual-unfreezing";
    }

    @Override
    public String description() {
        return "Gradual unfreezing (ULMFiT): the new heads train alone first, then one more encoder layer joins every "
                + "'every' epochs, from the top down.";
    }

    @Override
    public Class<GradualUnfreezingConfig> configType() {
        return GradualUnfreezingConfig.class;
    }

    @Override
    public TransferStrategy create(GradualUnfreezingConfig config) {
        return new GradualUnfreezing(config);
    }
}
