package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.api.spi.TransferStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/** Every encoder layer above the frozen ones trains from the first epoch, lower layers slower by {@code decay}. */
final class FineTune implements TransferStrategy {
    private final FineTuneConfig config;

    FineTune(FineTuneConfig config) {
        this.config = config;
    }

    @Override
    public List<LayerSchedule> schedule(List<String> layers, double learningRate, int epochs) {
        int depth = layers.size();
        if (config.freeze() > depth) {
            throw new SpecException("freeze", "is " + config.freeze() + ", but the source encoder has " + depth + (depth == 1 ? " layer" : " layers"));
        }
        Set<Integer> frozen = new HashSet<>();
        for (String name : config.frozen()) {
            frozen.add(LayerNames.find(name, layers));
        }
        double top = config.lr() != null ? config.lr() : learningRate;
        List<LayerSchedule> schedules = new ArrayList<>();
        for (int layer = 0; layer < depth; layer++) {
            double rate = top * Math.pow(config.decay(), depth - 1 - layer);
            boolean isFrozen = layer < config.freeze() || frozen.contains(layer);
            schedules.add(isFrozen ? LayerSchedule.frozen() : LayerSchedule.trainable(rate));
        }
        return schedules;
    }
}
