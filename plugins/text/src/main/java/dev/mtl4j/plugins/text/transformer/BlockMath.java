package dev.mtl4j.plugins.text.transformer;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One BERT layer (post-norm): self-attention, residual, layer norm, feed-forward with exact GELU,
 * residual, layer norm; with LoRA updates on chosen projections or an adapter after each of the
 * two sublayers when its {@link BlockSpec} says so. The forward pass keeps what the backward pass
 * needs, so backpropagation never recomputes it; the backward pass computes the gradients of the
 * trainable parameters only (a frozen weight costs no weight-gradient product).
 */
final class BlockMath {
    private final BlockSpec spec;
    private final Map<String, Projection> projections = new HashMap<>();
    private final Projection ffnIn = new Projection("ffnIn", false, 0);
    private final Projection ffnOut = new Projection("ffnOut", false, 0);
    private final AdapterMath adapter1 = new AdapterMath("adapter1");
    private final AdapterMath adapter2 = new AdapterMath("adapter2");

    BlockMath(BlockSpec spec) {
        this.spec = spec;
        for (String name : BlockSpec.PROJECTIONS) {
            projections.put(name, new Projection(name, spec.hasLora(name), spec.hasLora(name) ? spec.loraScale() : 0));
        }
    }

    /** One forward pass and what its backward pass needs. */
    final class Pass {
        private final long batch;
        private final long length;
        private final INDArray input;
        private final INDArray[][] down = new INDArray[4][1];
        private AttentionMath attention;
        private AttentionMath.Attended attended;
        private INDArray attentionOut;
        private final INDArray[] adapter1Kept = new INDArray[3];
        private LayerNormMath.Normalized norm1;
        private INDArray ffnPre;
        private INDArray ffnActivated;
        private INDArray ffnCdf;
        private INDArray ffnOutput;
        private final INDArray[] adapter2Kept = new INDArray[3];
        private LayerNormMath.Normalized norm2;

        private Pass(INDArray input, long batch, long length) {
            this.input = input;
            this.batch = batch;
            this.length = length;
        }

        /** The layer's output, {@code [batch, length, hidden]}. */
        INDArray output() {
            return norm2.output().reshape('c', batch, length, spec.hidden());
        }
    }

    /**
     * @param x {@code [batch, length, hidden]}
     * @param maskBias {@code [batch, length]}, see {@link AttentionMath#maskBias}
     */
    Pass forward(INDArray x, INDArray maskBias, Map<String, INDArray> p) {
        long batch = x.size(0);
        long length = x.size(1);
        Pass pass = new Pass(rows(x), batch, length);
        INDArray in = pass.input;
        pass.attention = new AttentionMath((int) batch, (int) length, spec.heads(), spec.hidden() / spec.heads());
        INDArray q = projections.get("query").forward(in, p, pass.down[0]);
        INDArray k = projections.get("key").forward(in, p, pass.down[1]);
        INDArray v = projections.get("value").forward(in, p, pass.down[2]);
        pass.attended = pass.attention.forward(q, k, v, maskBias);
        pass.attentionOut = projections.get("output").forward(pass.attended.context(), p, pass.down[3]);
        INDArray attended = spec.hasAdapters() ? adapter1.forward(pass.attentionOut, p, pass.adapter1Kept)
                : pass.attentionOut.dup();
        pass.norm1 = LayerNormMath.forward(attended.addi(in), p.get("ln1Gain"), p.get("ln1Bias"), spec.epsilon());
        INDArray hidden = pass.norm1.output();
        pass.ffnPre = ffnIn.forward(hidden, p, null);
        Gelu.Activated gelu = Gelu.forward(pass.ffnPre);
        pass.ffnActivated = gelu.output();
        pass.ffnCdf = gelu.cdf();
        pass.ffnOutput = ffnOut.forward(pass.ffnActivated, p, null);
        INDArray fed = spec.hasAdapters() ? adapter2.forward(pass.ffnOutput, p, pass.adapter2Kept) : pass.ffnOutput.dup();
        pass.norm2 = LayerNormMath.forward(fed.addi(hidden), p.get("ln2Gain"), p.get("ln2Bias"), spec.epsilon());
        return pass;
    }

    /**
     * The gradient of the layer's input, {@code [batch, length, hidden]}, or null when {@code inputGradient}
     * is false (nothing below the layer trains); the trainable parameters' gradients are written to
     * {@code grads} (views of the network's gradient).
     */
    INDArray backward(Pass pass, INDArray dOutput, Map<String, INDArray> p, Map<String, INDArray> grads,
                      boolean inputGradient) {
        INDArray dy = rows(dOutput);
        INDArray dSum2 = LayerNormMath.backward(dy, pass.norm2, p.get("ln2Gain"), grad(grads, "ln2Gain"),
                grad(grads, "ln2Bias"));
        INDArray dFfnOut = spec.hasAdapters() ? adapter2.backward(dSum2, pass.ffnOutput, pass.adapter2Kept, p, grads) : dSum2;
        INDArray dActivated = ffnOut.backward(dFfnOut, pass.ffnActivated, null, p, grads, spec);
        INDArray dPre = Gelu.backward(dActivated, pass.ffnPre, pass.ffnCdf);
        // the residual's gradient dSum2 is read no more: the feed-forward input's gradient is added to it in place
        ffnIn.backwardAdding(dPre, pass.norm1.output(), null, p, grads, spec, dSum2);
        INDArray dSum1 = LayerNormMath.backward(dSum2, pass.norm1, p.get("ln1Gain"), grad(grads, "ln1Gain"),
                grad(grads, "ln1Bias"));
        INDArray dAttentionOut = spec.hasAdapters()
                ? adapter1.backward(dSum1, pass.attentionOut, pass.adapter1Kept, p, grads) : dSum1;
        INDArray dContext = projections.get("output").backward(dAttentionOut, pass.attended.context(), pass.down[3][0], p,
                grads, spec);
        INDArray[] dQkv = pass.attention.backward(dContext, pass.attended);
        // likewise dSum1 (the residual's share of the input's gradient) takes the three projections' shares
        INDArray dx = inputGradient ? dSum1 : null;
        String[] names = {"query", "key", "value"};
        for (int i = 0; i < 3; i++) {
            projections.get(names[i]).backwardAdding(dQkv[i], pass.input, pass.down[i][0], p, grads, spec, dx);
        }
        return dx == null ? null : dx.reshape('c', pass.batch, pass.length, spec.hidden());
    }

    private INDArray grad(Map<String, INDArray> grads, String key) {
        return spec.trains(key) ? grads.get(key) : null;
    }

    /** {@code [batch, length, hidden]} as {@code [batch·length, hidden]} rows (a view when x is contiguous). */
    private INDArray rows(INDArray x) {
        return x.reshape('c', x.size(0) * x.size(1), spec.hidden());
    }
}
