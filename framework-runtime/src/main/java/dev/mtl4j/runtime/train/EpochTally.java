package dev.mtl4j.runtime.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums one epoch's step results: the mean joint loss, and per task its mean loss and mean λ over the batches that had its labels. */
final class EpochTally {
    private final List<String> tasks;
    private final double[] lossSums;
    private final double[] weightSums;
    private final int[] counts;
    private double total;
    private int steps;

    EpochTally(List<String> tasks) {
        this.tasks = List.copyOf(tasks);
        this.lossSums = new double[tasks.size()];
        this.weightSums = new double[tasks.size()];
        this.counts = new int[tasks.size()];
    }

    void add(StepResult step) {
        total += step.loss();
        steps++;
        for (int i = 0; i < counts.length; i++) {
            if (step.present()[i]) {
                lossSums[i] += step.taskLosses()[i];
                weightSums[i] += step.weights()[i];
                counts[i]++;
            }
        }
    }

    double meanLoss() {
        return total / steps;
    }

    /** Task name to its mean loss over the batches with its labels (NaN when none had them). */
    Map<String, Double> taskLosses() {
        return means(lossSums);
    }

    /** Task name to its mean λ over the batches with its labels (NaN when none had them). */
    Map<String, Double> weights() {
        return means(weightSums);
    }

    private Map<String, Double> means(double[] sums) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (int i = 0; i < sums.length; i++) {
            means.put(tasks.get(i), counts[i] == 0 ? Double.NaN : sums[i] / counts[i]);
        }
        return means;
    }
}
