package dev.mtl4j.plugins.text.transformer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * BERT's exact GELU, x·Φ(x) with Φ(x) = (1 + erf(x/√2)) / 2 (not the tanh or sigmoid approximation
 * ND4J's own GELU ops compute), and its gradient Φ(x) + x·φ(x).
 */
final class Gelu {
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Gelu() {
    }

    /** GELU(x), and Φ(x), which the gradient needs again (erf costs about half a layer's feed-forward GEMM). */
    record Activated(INDArray output, INDArray cdf) {
    }

    static Activated forward(INDArray x) {
        INDArray cdf = cdf(x);
        return new Activated(x.mul(cdf), cdf);
    }

    /** The gradient of x, from x and Φ(x) of the forward pass. */
    static INDArray backward(INDArray dy, INDArray x, INDArray cdf) {
        INDArray pdf = Transforms.exp(x.mul(x).muli(-0.5), false).muli(INV_SQRT_2PI);
        return pdf.muli(x).addi(cdf).muli(dy);
    }

    private static INDArray cdf(INDArray x) {
        INDArray scaled = x.mul(SQRT_HALF);
        Nd4j.getExecutioner().exec(new Erf(scaled, scaled));
        return scaled.addi(1).muli(0.5);
    }
}
