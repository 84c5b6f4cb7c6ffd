package dev.mtl4j.api.spi;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A head's own DL4J loss function that the runtime can scale per output, as it scales DL4J's built-in
 * losses through their weight arrays: the runtime applies each task's weight λ on DL4J's training
 * path with a copy of the head's loss whose per-output weights are the head's own times λ. A loss
 * function a plugin writes must implement this to be trained with task weights, and must compute its
 * gradient as DL4J's output layer expects ({@code dL/dz}, one row per example, not divided by the
 * batch size), so the runtime's fused step and DL4J's {@code fit} train it alike.
 */
public interface ScalableLoss extends ILossFunction {

    /** The per-output weights, {@code [1, outputs]}, or null when every output weighs 1. */
    INDArray outputWeights();

    /** A copy of this loss whose per-output weights are {@code weights} ({@code [1, outputs]}). */
    ScalableLoss withOutputWeights(INDArray weights);
}
