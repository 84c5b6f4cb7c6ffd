package dev.mtl4j.plugins.text.transformer;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * BERT's input embeddings: word piece + position + token type (always 0: one sentence per text),
 * then a layer norm; and the gradient of their tables.
 */
final class EmbeddingMath {
    static final List<String> KEYS = List.of("word", "position", "type", "lnGain", "lnBias");

    private final int hidden;
    private final double epsilon;

    EmbeddingMath(int hidden, double epsilon) {
        this.hidden = hidden;
        this.epsilon = epsilon;
    }

    /** One forward pass: the ids looked up and what the gradient needs. */
    record Pass(int[] ids, long batch, long length, LayerNormMath.Normalized norm) {
        INDArray output(int hidden) {
            return norm.output().reshape('c', batch, length, hidden);
        }
    }

    static long[][] shapes(TransformerShape shape) {
        return new long[][] {{shape.vocabulary(), shape.hidden()}, {shape.positions(), shape.hidden()},
            {2, shape.hidden()}, {shape.hidden()}, {shape.hidden()}};
    }

    /** @param ids {@code [batch, length]} word-piece ids as floating-point numbers */
    Pass forward(INDArray ids, Map<String, INDArray> p) {
        long batch = ids.size(0);
        long length = ids.size(1);
        int[] flat = ids.dup('c').castTo(DataType.INT).data().asInt();
        INDArray words = Nd4j.pullRows(p.get("word"), 1, flat);
        INDArray byPosition = words.reshape('c', batch, length, hidden);
        INDArray positions = p.get("position").get(NDArrayIndex.interval(0, length), NDArrayIndex.all());
        Nd4j.getExecutioner().exec(new BroadcastAddOp(byPosition, positions, byPosition, 1, 2));
        words.addiRowVector(p.get("type").getRow(0));
        return new Pass(flat, batch, length, LayerNormMath.forward(words, p.get("lnGain"), p.get("lnBias"), epsilon));
    }

    /** Writes the gradients of the tables and the layer norm to {@code grads}; the ids have none. */
    void backward(Pass pass, INDArray dOutput, Map<String, INDArray> p, Map<String, INDArray> grads) {
        INDArray dy = dOutput.reshape('c', pass.batch() * pass.length(), hidden);
        INDArray dEmbedded = LayerNormMath.backward(dy, pass.norm(), p.get("lnGain"), grads.get("lnGain"),
                grads.get("lnBias"));
        INDArray dWords = grads.get("word").assign(0);
        // in place, and summing the rows of repeated ids
        Nd4j.exec(DynamicCustomOp.builder("scatter_add").addInputs(dWords, Nd4j.createFromArray(pass.ids()), dEmbedded)
                .addOutputs(dWords).callInplace(true).build());
        INDArray dPositions = grads.get("position").assign(0);
        dPositions.get(NDArrayIndex.interval(0, pass.length()), NDArrayIndex.all())
                .assign(dEmbedded.reshape('c', pass.batch(), pass.length(), hidden).sum(0));
        INDArray dTypes = grads.get("type").assign(0);
        Products.columnSums(dEmbedded, dTypes.getRow(0));
    }
}
