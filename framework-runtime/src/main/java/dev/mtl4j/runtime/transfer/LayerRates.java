package dev.mtl4j.runtime.transfer;

import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.runtime.compile.NetworkBlueprint;
import dev.mtl4j.runtime.compile.Optimizers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Gives every layer of each encoder depth its own optimizer: the pipeline's optimizer type with the
 * depth's learning rate, 0 until the epoch the depth starts training. A learning rate of 0 leaves
 * the parameters bit for bit as they were (the update, and decoupled weight decay, scale with it),
 * and the rate is part of the saved network, so plain DL4J trains the model the same way.
 */
final class LayerRates {
    private LayerRates() {
    }

    /** @param schedules one per encoder depth, bottom first; null for a depth with nothing to train */
    static void apply(NetworkBlueprint blueprint, List<LayerSchedule> schedules, OptimizerSpec optimizer) {
        Map<String, GraphVertex> vertices = blueprint.configuration().getVertices();
        for (int depth = 0; depth < schedules.size(); depth++) {
            LayerSchedule schedule = schedules.get(depth);
            if (schedule == null) {
                continue; // nothing there trains
            }
            for (String name : blueprint.encoderDepths().get(depth)) {
                if (vertices.get(name) instanceof LayerVertex vertex
                        && vertex.getLayerConf().getLayer() instanceof BaseLayer layer) {
                    layer.setIUpdater(Optimizers.updater(optimizer, rate(schedule)));
                    layer.setBiasUpdater(null);
                }
            }
        }
    }

    private static MapSchedule rate(LayerSchedule schedule) {
        Map<Integer, Double> byEpoch = new TreeMap<>();
        if (schedule.isFrozen()) {
            byEpoch.put(0, 0.0);
        } else {
            // DL4J counts epochs from 0; a schedule's epoch 1 is DL4J's epoch 0.
            int start = schedule.trainableFromEpoch() - 1;
            byEpoch.put(0, start == 0 ? schedule.learningRate() : 0.0);
            byEpoch.put(start, schedule.learningRate());
        }
        return new MapSchedule(ScheduleType.EPOCH, byEpoch);
    }
}
