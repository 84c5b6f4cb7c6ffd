package dev.mtl4j.api.spi;

/**
 * A method that combines per-task gradients: at every step the runtime takes each task's gradient
 * g_i of its own loss at the {@link #site()}, gives the method their Gram matrix, and updates the
 * shared parameters along {@code d = Σ w_i g_i} with the coefficients the method returns. Each head
 * is trained by its own task's gradient (as in LibMTL and TorchJD). Every aggregator of MGDA, PCGrad,
 * CAGrad, IMTL-G, Nash-MTL, Aligned-MTL and UPGrad returns a vector in the span of the g_i computed
 * from their inner products alone, so the Gram matrix is all a method needs.
 */
public non-sealed interface GradientWeighting extends TaskWeighting {

    /** Where the per-task gradients are taken. */
    GradientSite site();

    /**
     * The coefficients w of the update direction {@code Σ w_i g_i}.
     *
     * @param gram {@code gram[i][j] = g_i · g_j}, symmetric, positive semi-definite up to rounding
     * @param batch the batch's losses (every task has labels: the runtime never mixes this kind of
     *     method with batches that hold some tasks only)
     * @return one coefficient per task
     */
    double[] combine(double[][] gram, BatchLosses batch);
}
