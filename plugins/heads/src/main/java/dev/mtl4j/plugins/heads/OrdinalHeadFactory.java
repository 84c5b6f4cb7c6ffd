package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadFactory;

/** {@code ordinal}: one of several ordered classes (CORAL, Cao et al. 2020). */
public final class OrdinalHeadFactory implements HeadFactory<OrdinalConfig> {

    @Override
    public String name() {
        return "ordinal";
    }

    @Override
    public String description() {
        return "Ordered classes (CORAL, Cao et al. 2020): one score, K-1 thresholds with their own biases, binary "
                + "cross-entropy per threshold; the rank is the number of thresholds passed; metrics accuracy, rank-mae "
                + "(mean absolute error in ranks), macro-F1, log-loss.";
    }

    @Override
    public Class<OrdinalConfig> configType() {
        return OrdinalConfig.class;
    }

    @Override
    public Head create(OrdinalConfig config) {
        return new OrdinalHead(config);
    }
}
