package dev.mtl4j.runtime.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The learning rate of every trainable layer in each epoch, read from the network's own optimizer
 * configuration (a transfer's per-depth schedules live there), with the layers that share one
 * schedule grouped: {@code all layers} for an ordinary run, one group per distinct schedule otherwise.
 */
final class LearningRates {
    private LearningRates() {
    }

    /** One map per epoch (1 to {@code epochs}): group label to learning rate. */
    static List<Map<String, Double>> perEpoch(ComputationGraph graph, int epochs) {
        Map<List<Double>, List<String>> groups = new LinkedHashMap<>();
        for (Layer layer : graph.getLayers()) {
            if (layer.numParams() == 0 || !(layer.conf().getLayer() instanceof BaseLayer base) || base.getIUpdater() == null) {
                continue;
            }
            IUpdater updater = base.getIUpdater();
            List<Double> series = new ArrayList<>();
            for (int epoch = 0; epoch < epochs; epoch++) {
                // DL4J counts epochs from 0; the schedules here are by epoch, so the iteration does not matter
                series.add(updater.getLearningRate(0, epoch));
            }
            groups.computeIfAbsent(series, s -> new ArrayList<>()).add(layer.conf().getLayer().getLayerName());
        }
        List<Map<String, Double>> result = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            Map<String, Double> rates = new LinkedHashMap<>();
            for (Map.Entry<List<Double>, List<String>> group : groups.entrySet()) {
                rates.put(groups.size() == 1 ? "all layers" : label(group.getValue()), group.getKey().get(epoch));
            }
            result.add(rates);
        }
        return result;
    }

    private static String label(List<String> layers) {
        return layers.size() == 1 ? layers.get(0) : layers.get(0) + " and " + (layers.size() - 1) + " more";
    }
}
