package dev.mtl4j.runtime.train;

/**
 * What one training step did.
 *
 * @param loss the joint loss as DL4J reports it: {@code Σ λ_i L_i}, plus the regularization and tie
 *     penalty terms when the network has them
 * @param taskLosses each task's own, unweighted loss L_i on the batch (DL4J's score: the summed loss of
 *     the labelled rows over the batch's rows), in task order; 0 for a task without labels in the batch
 * @param present whether the batch holds a label of each task; a task without one has no loss in it
 * @param weights the λ_i the step applied (for a gradient combination: each task's coefficient)
 */
public record StepResult(double loss, double[] taskLosses, boolean[] present, double[] weights) {
}
