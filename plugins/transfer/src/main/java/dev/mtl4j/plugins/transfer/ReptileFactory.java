package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.api.spi.TransferStrategyFactory;

/** {@code reptile}: meta-learning by Reptile. */
public final class ReptileFactory implements TransferStrategyFactory<MetaLearningConfig> {

    @Override
    public String name() {
        return "reptile";
    }

    @Override
    public String description() {
        return "Meta-learning by Reptile (Nichol et al. 2018) over the tasks of a task column: a start from which a few"
                + " gradient steps on a new task's k rows fit it; in a transfer, adapts to the new task by the same steps.";
    }

    @Override
    public Class<MetaLearningConfig> configType() {
        return MetaLearningConfig.class;
    }

    @Override
    public TransferStrategy create(MetaLearningConfig config) {
        return new Reptile(config);
    }
}
