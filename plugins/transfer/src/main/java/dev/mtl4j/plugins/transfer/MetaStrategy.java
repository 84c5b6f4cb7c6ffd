package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.api.spi.MetaLearner;
import dev.mtl4j.api.spi.MetaSettings;
import dev.mtl4j.api.spi.TransferStrategy;
import java.util.Collections;
import java.util.List;

/** What Reptile and first-order MAML share: episodes and the inner loop; they differ in the outer step. */
abstract class MetaStrategy implements TransferStrategy, MetaLearner {
    private final MetaSettings settings;

    MetaStrategy(MetaLearningConfig config) {
        this.settings = config.settings();
    }

    /** The inner loop trains every layer at the inner learning rate; no per-depth schedule applies. */
    @Override
    public List<LayerSchedule> schedule(List<String> layers, double learningRate, int epochs) {
        return Collections.nCopies(layers.size(), LayerSchedule.trainable(settings.innerLearningRate()));
    }

    @Override
    public MetaLearner metaLearner() {
        return this;
    }

    @Override
    public MetaSettings settings() {
        return settings;
    }
}
