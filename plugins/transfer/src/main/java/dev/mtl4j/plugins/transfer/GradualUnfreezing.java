package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.api.spi.TransferStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * ULMFiT's gradual unfreezing (Howard and Ruder 2018): the first {@code every} epochs train the heads
 * alone, then the top encoder layer joins, then the next one down, and so on.
 */
final class GradualUnfreezing implements TransferStrategy {
    private final GradualUnfreezingConfig config;

    GradualUnfreezing(GradualUnfreezingConfig config) {
        this.config = config;
    }

    @Override
    public List<LayerSchedule> schedule(List<String> layers, double learningRate, int epochs) {
        int depth = layers.size();
        double top = config.lr() != null ? config.lr() : learningRate;
        List<LayerSchedule> schedules = new ArrayList<>();
        for (int layer = 0; layer < depth; layer++) {
            int fromTop = depth - 1 - layer;
            long firstEpoch = 1L + (long) config.every() * (fromTop + 1);
            double rate = top * Math.pow(config.decay(), fromTop);
            schedules.add(new LayerSchedule(rate, (int) Math.min(firstEpoch, LayerSchedule.NEVER)));
        }
        return schedules;
    }
}
