package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.api.spi.TransferStrategyFactory;
import java.util.List;

/** The built-in transfer strategies. */
public final class TransferPlugin implements Plugin {

    @Override
    public String name() {
        return "transfer";
    }

    @Override
    public List<TransferStrategyFactory<?>> transferStrategies() {
        return List.of(new FineTuneFactory(), new FeatureExtractionFactory(), new GradualUnfreezingFactory(),
                new DomainAdversarialFactory(), new CoralFactory(), new ReptileFactory(), new FomamlFactory());
    }
}
