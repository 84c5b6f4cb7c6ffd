package dev.mtl4j.runtime.meta;

import dev.mtl4j.runtime.TrainingResult;

/**
 * Meta-training's outcome, and when asked for, what it is compared with. Each result's metrics hold,
 * for the held-out tasks, the splits {@code test@N} (and {@code validation@N}): each metric averaged
 * over the tasks after adapting N steps on their k support rows, measured on their other rows.
 *
 * @param metaLearned the meta-learned model
 * @param pretrained the same network trained jointly on every training task's rows (as an ordinary
 *     pipeline, with the pipeline's training settings), then adapted the same way; null when not asked for
 * @param scratch the same network from its initial weights, adapted the same way; null when not asked for
 */
public record MetaResult(TrainingResult metaLearned, TrainingResult pretrained, TrainingResult scratch) {

    /** The split name of held-out tasks' metrics after {@code steps} adaptation steps. */
    public static String split(String heldOut, int steps) {
        return heldOut + "@" + steps;
    }
}
