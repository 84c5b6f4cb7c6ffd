package dev.mtl4j.plugins.text.transformer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multi-head scaled dot-product attention over a batch of padded sequences: softmax(QKᵀ/√d + mask)·V
 * per head, padding keys masked out (their weight is exactly 0), and its gradient. Each product covers
 * every sequence and head of the batch in one batched call ({@link Products#batched}).
 */
final class AttentionMath {
    /** Added to the scores of padding keys: exp of it is 0 in float and double. */
    private static final double MASKED = -1e9;

    private final int batch;
    private final int length;
    private final int heads;
    private final int headWidth;

    AttentionMath(int batch, int length, int heads, int headWidth) {
        this.batch = batch;
        this.length = length;
        this.heads = heads;
        this.headWidth = headWidth;
    }

    /** What the gradient needs: each head's queries, keys, values and attention weights. */
    record Attended(INDArray context, INDArray queries, INDArray keys, INDArray values, INDArray weights) {
    }

    /** The additive mask of a {@code [batch, length]} 1/0 token mask: 0 for a token, a large negative number for padding. */
    static INDArray maskBias(INDArray mask) {
        return mask.sub(1).muli(-MASKED);
    }

    /**
     * @param q queries, {@code [batch·length, hidden]}; likewise {@code k}, {@code v}
     * @param maskBias {@code [batch, length]} from {@link #maskBias}
     * @return the context, {@code [batch·length, hidden]}
     */
    Attended forward(INDArray q, INDArray k, INDArray v, INDArray maskBias) {
        INDArray qh = split(q);
        INDArray kh = split(k);
        INDArray vh = split(v);
        INDArray scores = Nd4j.createUninitialized(q.dataType(), (long) batch * heads, length, length);
        Products.batched(qh, false, kh, true, scores, 1 / Math.sqrt(headWidth));
        INDArray byBatch = scores.reshape('c', batch, heads, length, length);
        Nd4j.getExecutioner().exec(new BroadcastAddOp(byBatch, maskBias, byBatch, 0, 3));
        Nd4j.exec(new SoftMax(scores, scores, 2));
        INDArray contextHeads = Nd4j.createUninitialized(q.dataType(), (long) batch * heads, length, headWidth);
        Products.batched(scores, false, vh, false, contextHeads, 1);
        return new Attended(merge(contextHeads), qh, kh, vh, scores);
    }

    /** The gradients of the queries, keys and values, each {@code [batch·length, hidden]}. */
    INDArray[] backward(INDArray dContext, Attended a) {
        INDArray dContextHeads = split(dContext);
        INDArray dWeights = Nd4j.createUninitialized(dContext.dataType(), (long) batch * heads, length, length);
        Products.batched(dContextHeads, false, a.values(), true, dWeights, 1);
        INDArray dValues = Nd4j.createUninitialized(dContext.dataType(), (long) batch * heads, length, headWidth);
        Products.batched(a.weights(), true, dContextHeads, false, dValues, 1);
        // softmax: dS = P ⊙ (dP − Σ_j dP_j P_j), row by row; padding keys have P = 0, so dS = 0 there
        long rows = (long) batch * heads * length;
        INDArray rowDot = Products.rowDots(dWeights.reshape('c', rows, length), a.weights().reshape('c', rows, length))
                .reshape('c', (long) batch * heads, length);
        Nd4j.getExecutioner().exec(new BroadcastSubOp(dWeights, rowDot, dWeights, 0, 1));
        INDArray dScores = dWeights.muli(a.weights());
        double scale = 1 / Math.sqrt(headWidth);
        INDArray dQueries = Nd4j.createUninitialized(dContext.dataType(), (long) batch * heads, length, headWidth);
        Products.batched(dScores, false, a.keys(), false, dQueries, scale);
        INDArray dKeys = Nd4j.createUninitialized(dContext.dataType(), (long) batch * heads, length, headWidth);
        Products.batched(dScores, true, a.queries(), false, dKeys, scale);
        return new INDArray[] {merge(dQueries), merge(dKeys), merge(dValues)};
    }

    /** {@code [batch·length, heads·headWidth]} → {@code [batch·heads, length, headWidth]}, contiguous. */
    private INDArray split(INDArray x) {
        return x.reshape('c', batch, length, heads, headWidth).permute(0, 2, 1, 3).dup('c')
                .reshape('c', (long) batch * heads, length, headWidth);
    }

    private INDArray merge(INDArray x) {
        return x.reshape('c', batch, heads, length, headWidth).permute(0, 2, 1, 3).dup('c')
                .reshape('c', (long) batch * length, (long) heads * headWidth);
    }
}
