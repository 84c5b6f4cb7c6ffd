package dev.mtl4j.runtime.eval;

import java.util.Map;

/**
 * Δm, the multi-task gain against single-task baselines (Maninis et al. 2019):
 * {@code Δm = (1/T) Σ_t s_t (M_mtl,t − M_single,t) / M_single,t}, with s_t = +1 for a metric where
 * higher is better and −1 where lower is better, so a positive Δm means multi-task learning helped.
 */
public final class MultiTaskGain {
    private MultiTaskGain() {
    }

    /**
     * @param multiTask task to the metric's value in the multi-task model
     * @param singleTask task to the metric's value of the task trained alone
     * @param higherIsBetter whether a larger value of the metric is better
     */
    public static double deltaM(Map<String, Double> multiTask, Map<String, Double> singleTask, boolean higherIsBetter) {
        if (multiTask.isEmpty() || !multiTask.keySet().equals(singleTask.keySet())) {
            throw new IllegalArgumentException("Δm needs the same tasks in both: " + multiTask.keySet() + " vs " + singleTask.keySet());
        }
        double sum = 0;
        for (Map.Entry<String, Double> task : multiTask.entrySet()) {
            double single = singleTask.get(task.getKey());
            sum += (higherIsBetter ? 1 : -1) * (task.getValue() - single) / single;
        }
        return sum / multiTask.size();
    }
}
