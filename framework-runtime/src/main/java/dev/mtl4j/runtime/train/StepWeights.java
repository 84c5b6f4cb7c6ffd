package dev.mtl4j.runtime.train;

/**
 * Where a training step gets the task weights λ_i(t) of its batch. The step asks once, after the
 * forward pass and before the backward pass, so that a weight may depend on the batch's own losses.
 */
interface StepWeights {

    /**
     * @param losses this batch's per-task losses when {@link #needsLosses()}, else null
     * @param present which tasks have a label in the batch
     * @return one λ per task, in task order
     */
    double[] weights(double[] losses, boolean[] present);

    /** Whether {@link #weights} reads the batch's losses (DL4J's general path then computes them first). */
    default boolean needsLosses() {
        return false;
    }

    /** The same λ every step. */
    static StepWeights fixed(double[] lambda) {
        double[] copy = lambda.clone();
        return (losses, present) -> copy;
    }
}
