package dev.mtl4j.api.spi;

/**
 * A method that weights the tasks' losses: every step minimises {@code Σ λ_i(t) L_i}, so λ_i scales
 * task i's loss and its gradient everywhere, in its head and in the shared layers.
 */
public non-sealed interface LossWeighting extends TaskWeighting {

    /**
     * λ_i(t) for one step, in task order. A task without labels in the batch has no loss whatever
     * its λ.
     *
     * @param batch this batch's losses at the parameters before the step when {@link #needsBatchLosses()},
     *     else null (the losses come afterwards, in {@link #stepDone})
     */
    double[] weights(BatchLosses batch);

    /**
     * Whether {@link #weights} reads the batch's own losses. On DL4J's general training path this
     * costs an extra forward pass (without dropout) per step.
     */
    default boolean needsBatchLosses() {
        return false;
    }

    /**
     * Where the runtime measures the norm of each task's gradient for {@link #stepDone}, or null when
     * the method needs none (the default). Only a network whose heads all read one shared
     * representation has these.
     */
    default GradientSite gradientNorms() {
        return null;
    }

    /**
     * After each step.
     *
     * @param batch the step's losses
     * @param gradientNorms when {@link #gradientNorms()} names a site: the norm of each task's
     *     unweighted gradient ‖∇L_i‖ there (for the shared parameters: those of the layer that
     *     produces the representation); else null
     */
    default void stepDone(BatchLosses batch, double[] gradientNorms) {
    }
}
