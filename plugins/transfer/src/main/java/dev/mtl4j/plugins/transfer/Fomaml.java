package dev.mtl4j.plugins.transfer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * First-order MAML (Finn, Abbeel and Levine 2017, §5.2): the outer gradient is the query rows' loss
 * gradient at the adapted parameters φ, taken as if φ did not depend on θ (the second-order term,
 * the inner steps' Hessian, is dropped).
 */
final class Fomaml extends MetaStrategy {

    Fomaml(MetaLearningConfig config) {
        super(config);
    }

    @Override
    public boolean needsQueryGradient() {
        return true;
    }

    @Override
    public INDArray outerGradient(INDArray start, INDArray adapted, INDArray queryGradient) {
        return queryGradient.dup();
    }
}
