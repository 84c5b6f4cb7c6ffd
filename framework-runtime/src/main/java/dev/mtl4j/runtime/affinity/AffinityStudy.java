package dev.mtl4j.runtime.affinity;

import java.util.List;

/**
 * What {@code mtl affinity} measured.
 *
 * @param tasks the tasks, in the pipeline's order
 * @param matrix row i, column j: the lookahead affinity of task i onto task j averaged over training
 *     ({@link dev.mtl4j.runtime.train.TaskAffinityProbe}); NaN where the two never shared a batch
 * @param standardErrors each mean's standard error over its measurements (NaN with fewer than two)
 * @param measurements how many batches were measured
 * @param every a measurement before every {@code every}-th training step
 * @param lookaheadRate η of the lookahead step
 * @param sharedLayers the layers the lookahead step moves
 * @param groupings the best grouping for 1, 2, ... groups ({@link TaskGrouping}); empty above
 *     {@value TaskGrouping#MAX_TASKS} tasks
 */
public record AffinityStudy(List<String> tasks, double[][] matrix, double[][] standardErrors, int measurements, int every, double lookaheadRate,
                            List<String> sharedLayers, List<Grouping> groupings) {
    public AffinityStudy {
        tasks = List.copyOf(tasks);
        sharedLayers = List.copyOf(sharedLayers);
        groupings = List.copyOf(groupings);
    }
}
