package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.api.spi.TransferStrategy;
import java.util.ArrayList;
import java.util.List;

/** Every encoder layer above the frozen ones trains from the first epoch, lower layers slower by {@code decay}. */
final class FineTune implements TransferStrategy {
    private final FineTuneConfig config;

    FineTune(FineTuneConfig config) {
        this.config = config;
    }

    @Override
    public List<LayerSchedule> schedule(int depth, double learningRate, int epochs) {
        if (config.freeze() > depth) {
            throw new SpecException("freeze", "is " + config.freeze() + ", but the source encoder has " + depth + " layers");
        }
        double top = config.lr() != null ? config.lr() : learningRate;
        List<LayerSchedule> schedules = new ArrayList<>();
        for (int layer = 0; layer < depth; layer++) {
            double rate = top * Math.pow(config.decay(), depth - 1 - layer);
            schedules.add(layer < config.freeze() ? LayerSchedule.frozen() : LayerSchedule.trainable(rate));
        }
        return schedules;
    }
}
