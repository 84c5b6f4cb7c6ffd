package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadFactory;

/** {@code classification}: one of several classes. */
public final class ClassificationHeadFactory implements HeadFactory<ClassificationConfig> {

    @Override
    public String name() {
        return "classification";
    }

    @Override
    public String description() {
        return "Single-label classification: softmax output, cross-entropy loss (classes optionally weighted, focal term "
                + "optional); metrics accuracy, macro-F1, log-loss.";
    }

    @Override
    public Class<ClassificationConfig> configType() {
        return ClassificationConfig.class;
    }

    @Override
    public Head create(ClassificationConfig config) {
        return new ClassificationHead(config);
    }
}
