package dev.mtl4j.plugins.text.transformer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sentence-transformers' pooling: the mean of the token vectors (padding left out), optionally scaled
 * to unit length, as all-MiniLM-L6-v2's sentence embedding is; and its gradient.
 */
final class PoolingMath {
    private final boolean normalize;

    PoolingMath(boolean normalize) {
        this.normalize = normalize;
    }

    /** The sentence vectors and what the gradient needs. */
    record Pooled(INDArray output, INDArray counts, INDArray norms) {
    }

    /**
     * @param tokens {@code [batch, length, hidden]}
     * @param mask {@code [batch, length]}, 1 for a token and 0 for padding
     */
    Pooled forward(INDArray tokens, INDArray mask) {
        INDArray masked = Nd4j.createUninitialized(tokens.dataType(), tokens.shape());
        Nd4j.getExecutioner().exec(new BroadcastMulOp(tokens, mask, masked, 0, 1));
        INDArray counts = mask.sum(true, 1);
        INDArray mean = masked.sum(1).diviColumnVector(counts);
        if (!normalize) {
            return new Pooled(mean, counts, null);
        }
        INDArray norms = mean.norm2(true, 1);
        return new Pooled(mean.diviColumnVector(norms), counts, norms);
    }

    /** The gradient of the token vectors, {@code [batch, length, hidden]} (0 at padding). */
    INDArray backward(INDArray dOutput, Pooled pooled, INDArray mask, long length) {
        INDArray dMean = dOutput;
        if (normalize) {
            // y = m/|m|: dm = (dy − y·(y·dy)) / |m|
            INDArray y = pooled.output();
            INDArray along = dOutput.mul(y).sum(true, 1);
            dMean = dOutput.sub(y.mulColumnVector(along)).diviColumnVector(pooled.norms());
        } else {
            dMean = dMean.dup();
        }
        dMean.diviColumnVector(pooled.counts());
        long batch = dOutput.size(0);
        INDArray dTokens = Nd4j.zeros(dOutput.dataType(), batch, length, dOutput.size(1));
        Nd4j.getExecutioner().exec(new BroadcastAddOp(dTokens, dMean, dTokens, 0, 2));
        Nd4j.getExecutioner().exec(new BroadcastMulOp(dTokens, mask, dTokens, 0, 1));
        return dTokens;
    }
}
