package dev.mtl4j.runtime.train;

import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * One optimisation step on one mini-batch: forward, backward, update, minimising the joint loss
 * {@code Σ λ_i L_i} with the λ that {@code weights} gives for this batch.
 */
interface TrainingStep extends AutoCloseable {

    StepResult fit(MultiDataSet batch, StepWeights weights);

    /** Leaves the network as the heads built it (after training, also after a failure). */
    @Override
    default void close() {
    }

    /** A name for logs and benchmarks. */
    String name();
}
