package dev.mtl4j.runtime.train;

import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * One optimisation step on one mini-batch: forward, backward, update, minimising the joint loss
 * {@code Σ λ_i L_i} with the λ that {@code weights} gives for this batch.
 */
interface TrainingStep extends AutoCloseable {

    StepResult fit(MultiDataSet batch, StepWeights weights);

    /**
     * One step that takes each task's gradient at the rule's site, gives the rule their Gram matrix,
     * and updates the shared parameters along the combination it returns; each head by its own
     * gradient times the rule's head weight. The result's weights are the combination's coefficients.
     *
     * @throws IllegalArgumentException when the network does not have what the rule asks (a shared representation)
     */
    StepResult fitPerTask(MultiDataSet batch, PerTaskRule rule);

    /** Why this step cannot take per-task gradients on the shared representation, or null when it can. */
    String whyNoRepresentation();

    /** Leaves the network as the heads built it (after training, also after a failure). */
    @Override
    default void close() {
    }

    /** A name for logs and benchmarks. */
    String name();
}
