package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.api.spi.TransferStrategy;
import java.util.Collections;
import java.util.List;

/** The whole encoder frozen; its output is computed once per data set. */
final class FeatureExtraction implements TransferStrategy {

    @Override
    public List<LayerSchedule> schedule(List<String> layers, double learningRate, int epochs) {
        return Collections.nCopies(layers.size(), LayerSchedule.frozen());
    }

    @Override
    public boolean precomputesFeatures() {
        return true;
    }
}
