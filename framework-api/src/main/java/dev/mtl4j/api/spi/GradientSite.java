package dev.mtl4j.api.spi;

/** Where the runtime takes each task's gradient for a method that needs one. */
public enum GradientSite {
    /**
     * On the shared parameters: exact, one backward pass through the shared layers per task
     * (LibMTL's default, TorchJD's Jacobian).
     */
    PARAMETERS,
    /**
     * On the shared representation, the output of the shared layers that every head reads: the
     * heads' backward passes alone, then one backward pass through the shared layers with the
     * combined gradient (LibMTL's {@code rep_grad}; MGDA-UB's upper bound). The vector of a task is
     * its whole gradient with respect to the representation, every row of the batch.
     */
    REPRESENTATION
}
