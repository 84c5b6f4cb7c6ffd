package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadFactory;

/** {@code multilabel}: several independent yes/no labels. */
public final class MultilabelHeadFactory implements HeadFactory<SigmoidConfig> {

    @Override
    public String name() {
        return "multilabel";
    }

    @Override
    public String description() {
        return "Several independent yes/no labels, one label column each: sigmoid outputs, binary cross-entropy; metrics label accuracy, macro-F1, log-loss.";
    }

    @Override
    public Class<SigmoidConfig> configType() {
        return SigmoidConfig.class;
    }

    @Override
    public Head create(SigmoidConfig config) {
        return new SigmoidHead(config);
    }
}
