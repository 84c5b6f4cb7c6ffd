package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.api.spi.TransferStrategyFactory;

/** {@code coral}: Deep CORAL, the covariance distance between the domains added to the loss. */
public final class CoralFactory implements TransferStrategyFactory<CoralConfig> {

    @Override
    public String name() {
        return "coral";
    }

    @Override
    public String description() {
        return "Domain adaptation by Deep CORAL (Sun and Saenko 2016): the distance between the covariances of source and"
                + " target features at the encoder's output (data.target) is added to the loss with a weight.";
    }

    @Override
    public Class<CoralConfig> configType() {
        return CoralConfig.class;
    }

    @Override
    public TransferStrategy create(CoralConfig config) {
        return new Coral(config);
    }
}
