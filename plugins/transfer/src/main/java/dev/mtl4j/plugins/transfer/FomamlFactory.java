package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.api.spi.TransferStrategyFactory;

/** {@code fomaml}: meta-learning by first-order MAML. */
public final class FomamlFactory implements TransferStrategyFactory<MetaLearningConfig> {

    @Override
    public String name() {
        return "fomaml";
    }

    @Override
    public String description() {
        return "Meta-learning by first-order MAML (Finn et al. 2017) over the tasks of a task column: the query loss's"
                + " gradient after the inner steps moves the start; in a transfer, adapts to the new task by the same steps.";
    }

    @Override
    public Class<MetaLearningConfig> configType() {
        return MetaLearningConfig.class;
    }

    @Override
    public TransferStrategy create(MetaLearningConfig config) {
        return new Fomaml(config);
    }
}
