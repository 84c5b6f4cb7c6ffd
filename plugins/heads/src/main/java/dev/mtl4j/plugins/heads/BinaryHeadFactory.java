package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadFactory;
import dev.mtl4j.api.spi.TargetKind;

/** {@code binary}: a yes/no task. */
public final class BinaryHeadFactory implements HeadFactory<SigmoidConfig> {

    @Override
    public String name() {
        return "binary";
    }

    @Override
    public String description() {
        return "Yes/no task: one sigmoid output, binary cross-entropy; metrics accuracy, F1, log-loss.";
    }

    @Override
    public Class<SigmoidConfig> configType() {
        return SigmoidConfig.class;
    }

    @Override
    public Head create(SigmoidConfig config) {
        return new SigmoidHead(config, TargetKind.BINARY);
    }
}
