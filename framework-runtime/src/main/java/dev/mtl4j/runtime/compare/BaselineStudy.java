package dev.mtl4j.runtime.compare;

import java.util.List;

/**
 * What {@link Baselines} found: every task, multi-task (A) against alone (B).
 *
 * @param split the rows compared on: test, else validation, else train
 * @param seeds the seeds each model was trained with
 * @param tasks per task its metrics compared and its verdict
 * @param deltaM Δm over every metric of every task (LibMTL's form)
 * @param deltaMFirst Δm over each task's first metric (accuracy, or mse)
 */
public record BaselineStudy(String split, List<Long> seeds, List<TaskComparison> tasks, double deltaM, double deltaMFirst) {

    public BaselineStudy {
        seeds = List.copyOf(seeds);
        tasks = List.copyOf(tasks);
    }
}
