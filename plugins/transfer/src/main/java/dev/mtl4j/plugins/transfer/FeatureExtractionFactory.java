package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.api.spi.TransferStrategyFactory;

/** {@code feature-extraction}: a frozen encoder whose output feeds new heads. */
public final class FeatureExtractionFactory implements TransferStrategyFactory<FeatureExtractionConfig> {

    @Override
    public String name() {
        return "feature-extraction";
    }

    @Override
    public String description() {
        return "Feature extraction: the source encoder frozen, its output computed once per data set; only the heads train.";
    }

    @Override
    public Class<FeatureExtractionConfig> configType() {
        return FeatureExtractionConfig.class;
    }

    @Override
    public TransferStrategy create(FeatureExtractionConfig config) {
        return new FeatureExtraction();
    }
}
