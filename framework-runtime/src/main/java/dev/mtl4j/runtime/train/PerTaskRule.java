package dev.mtl4j.runtime.train;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;

/**
 * How a step that takes each task's gradient g_i combines them: the heads each get their own
 * gradient times a head weight, the shared layers {@code Σ w_i g_i}.
 */
interface PerTaskRule {

    /** Where the per-task gradients are taken. */
    GradientSite site();

    /**
     * Whether the Gram matrix is that of the gradients of the last shared layer's weights (GradNorm's
     * W) rather than of the gradients at the site; a step then takes them however is cheapest.
     */
    default boolean lastLayerGram() {
        return false;
    }

    /** Each head's factor on its own gradient (1 for a gradient method), from the batch's losses. */
    double[] headWeights(BatchLosses batch);

    /** The coefficients w of the shared layers' update {@code Σ w_i g_i}. */
    double[] combine(double[][] gram, BatchLosses batch);
}
