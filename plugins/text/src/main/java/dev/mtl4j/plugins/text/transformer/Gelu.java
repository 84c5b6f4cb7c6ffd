package dev.mtl4j.plugins.text.transformer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erfc;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * BERT's exact GELU, x·Φ(x) with Φ(x) = erfc(−x/√2) / 2 = (1 + erf(x/√2)) / 2 (not the tanh or
 * sigmoid approximation ND4J's own GELU ops compute), and its gradient Φ(x) + x·φ(x). Φ through erfc
 * takes one pass over the array fewer than through 1 + erf, and keeps its relative precision where
 * Φ is small.
 */
final class Gelu {
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Gelu() {
    }

    /** GELU(x), and Φ(x), which the gradient needs again (erfc costs more than the layer's feed-forward product). */
    record Activated(INDArray output, INDArray cdf) {
    }

    static Activated forward(INDArray x) {
        INDArray cdf = x.mul(-SQRT_HALF);
        Nd4j.getExecutioner().exec(new Erfc(cdf, cdf));
        cdf.muli(0.5);
        return new Activated(x.mul(cdf), cdf);
    }

    /** The gradient of x, from x and Φ(x) of the forward pass. */
    static INDArray backward(INDArray dy, INDArray x, INDArray cdf) {
        INDArray pdf = Transforms.exp(x.mul(x).muli(-0.5), false).muli(INV_SQRT_2PI);
        return pdf.muli(x).addi(cdf).muli(dy);
    }
}
