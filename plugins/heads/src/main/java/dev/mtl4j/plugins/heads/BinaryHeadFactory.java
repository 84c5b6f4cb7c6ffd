package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadFactory;

/** {@code binary}: a yes/no task. */
public final class BinaryHeadFactory implements HeadFactory<BinaryConfig> {

    @Override
    public String name() {
        return "binary";
    }

    @Override
    public String description() {
        return "Yes/no task: one sigmoid output, binary cross-entropy (positive examples weighted, focal term "
                + "optional); metrics accuracy, F1 of the positive value, log-loss.";
    }

    @Override
    public Class<BinaryConfig> configType() {
        return BinaryConfig.class;
    }

    @Override
    public Head create(BinaryConfig config) {
        return new SigmoidHead(config);
    }
}
