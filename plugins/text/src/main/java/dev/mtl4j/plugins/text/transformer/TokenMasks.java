package dev.mtl4j.plugins.text.transformer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The token mask a transformer layer reads: the network's feature mask, or every position a token when none was given. */
final class TokenMasks {

    private TokenMasks() {
    }

    /** {@code [batch, length]}: 1 for a token, 0 for padding. */
    static INDArray mask(INDArray mask, INDArray input) {
        return mask != null ? mask.castTo(input.dataType()) : Nd4j.ones(input.dataType(), input.size(0), input.size(1));
    }

    /** The additive attention mask of {@link #mask}. */
    static INDArray bias(INDArray mask, INDArray input) {
        return AttentionMath.maskBias(mask(mask, input));
    }
}
