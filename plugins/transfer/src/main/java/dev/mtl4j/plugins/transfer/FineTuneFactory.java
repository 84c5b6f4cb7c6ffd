package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.api.spi.TransferStrategyFactory;

/** {@code fine-tune}: the source encoder trains with the new heads. */
public final class FineTuneFactory implements TransferStrategyFactory<FineTuneConfig> {

    @Override
    public String name() {
        return "fine-tune";
    }

    @Override
    public String description() {
        return "Fine-tuning: the source encoder trains with the new heads, at its own learning rate, optionally with "
                + "its lowest layers frozen and discriminative (decaying) rates below the top.";
    }

    @Override
    public Class<FineTuneConfig> configType() {
        return FineTuneConfig.class;
    }

    @Override
    public TransferStrategy create(FineTuneConfig config) {
        return new FineTune(config);
    }
}
