package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.graph.SharedLayout;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Which experts each task leans on: every gate's softmax weights averaged over a set of rows. A row
 * of the table sums to 1; a task whose weight sits on one expert has claimed it, tasks spreading
 * weight over the same experts share them.
 *
 * @param byTask task to expert to mean gate weight, in gate and expert order
 */
public record GateWeights(Map<String, Map<String, Double>> byTask) {
    private static final int BATCH = 4096;

    public GateWeights {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        byTask.forEach((task, weights) -> copy.put(task, Collections.unmodifiableMap(new LinkedHashMap<>(weights))));
        byTask = Collections.unmodifiableMap(copy);
    }

    /** Mean gate weights over the given feature rows; empty when the network has no gates. */
    public static GateWeights measure(ComputationGraph graph, List<SharedLayout.Gate> gates, INDArray features) {
        graph.clearLayerMaskArrays();
        long rows = features.size(0);
        Map<String, double[]> sums = new LinkedHashMap<>();
        gates.forEach(gate -> sums.put(gate.task(), new double[gate.experts().size()]));
        for (long start = 0; start < rows; start += BATCH) {
            INDArray batch = features.get(NDArrayIndex.interval(start, Math.min(rows, start + BATCH)), NDArrayIndex.all());
            Map<String, INDArray> activations = graph.feedForward(batch, false);
            for (SharedLayout.Gate gate : gates) {
                INDArray totals = activations.get(gate.vertex()).sum(0);
                double[] sum = sums.get(gate.task());
                for (int e = 0; e < sum.length; e++) {
                    sum[e] += totals.getDouble(e);
                }
            }
        }
        Map<String, Map<String, Double>> byTask = new LinkedHashMap<>();
        for (SharedLayout.Gate gate : gates) {
            Map<String, Double> weights = new LinkedHashMap<>();
            double[] sum = sums.get(gate.task());
            for (int e = 0; e < sum.length; e++) {
                weights.put(gate.experts().get(e), sum[e] / rows);
            }
            byTask.put(gate.task(), weights);
        }
        return new GateWeights(byTask);
    }

    public boolean isEmpty() {
        return byTask.isEmpty();
    }

    /** A task-by-expert table for the terminal. */
    public String render() {
        List<String> experts = byTask.values().stream().flatMap(w -> w.keySet().stream()).distinct().toList();
        int taskWidth = Math.max(4, byTask.keySet().stream().mapToInt(String::length).max().orElse(4));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-" + taskWidth + "s", "task"));
        experts.forEach(e -> text.append("  ").append(String.format(Locale.ROOT, "%" + Math.max(6, e.length()) + "s", e)));
        byTask.forEach((task, weights) -> {
            text.append('\n').append(String.format(Locale.ROOT, "%-" + taskWidth + "s", task));
            for (String expert : experts) {
                Double weight = weights.get(expert);
                String cell = weight == null ? "-" : String.format(Locale.ROOT, "%.3f", weight);
                text.append("  ").append(String.format(Locale.ROOT, "%" + Math.max(6, expert.length()) + "s", cell));
            }
        });
        return text.toString();
    }
}
