package dev.mtl4j.plugins.text.transformer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The token mask a transformer layer reads: the network's feature mask, or every position a token
 * when none was given. The bottom layer cuts a batch to its longest text (the runtime pads every
 * text to the encoder's maxLength), so a mask is cut to the length of what a layer reads.
 */
final class TokenMasks {

    private TokenMasks() {
    }

    /** {@code [batch, length]} for an input of {@code length} positions: 1 for a token, 0 for padding. */
    static INDArray mask(INDArray mask, INDArray input) {
        if (mask == null) {
            return Nd4j.ones(input.dataType(), input.size(0), input.size(1));
        }
        INDArray cut = mask.size(1) == input.size(1) ? mask
                : mask.get(NDArrayIndex.all(), NDArrayIndex.interval(0, input.size(1)));
        return cut.castTo(input.dataType());
    }

    /** The additive attention mask of {@link #mask}. */
    static INDArray bias(INDArray mask, INDArray input) {
        return AttentionMath.maskBias(mask(mask, input));
    }

    /** Token ids cut to the batch's longest text (tokens come first in each row, then padding). */
    static INDArray cutToLongest(INDArray ids, INDArray mask) {
        if (mask == null) {
            return ids;
        }
        long longest = Math.max(1, mask.sum(1).maxNumber().longValue());
        return longest == ids.size(1) ? ids : ids.get(NDArrayIndex.all(), NDArrayIndex.interval(0, longest)).dup('c');
    }
}
