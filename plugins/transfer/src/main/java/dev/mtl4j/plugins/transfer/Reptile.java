package dev.mtl4j.plugins.transfer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reptile (Nichol, Achiam and Schulman 2018): the start moves towards the parameters each task
 * reached after its inner steps; the outer gradient is {@code θ − φ}. It needs no query gradient.
 */
final class Reptile extends MetaStrategy {

    Reptile(MetaLearningConfig config) {
        super(config);
    }

    @Override
    public boolean needsQueryGradient() {
        return false;
    }

    @Override
    public INDArray outerGradient(INDArray start, INDArray adapted, INDArray queryGradient) {
        return start.sub(adapted);
    }
}
