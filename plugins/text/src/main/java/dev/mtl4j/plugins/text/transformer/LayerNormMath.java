package dev.mtl4j.plugins.text.transformer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Layer normalisation over each row of {@code [rows, width]}, and its gradient. */
final class LayerNormMath {

    private LayerNormMath() {
    }

    /** y = (x − mean) / √(var + ε) · gain + bias, per row; keeps what the gradient needs. */
    record Normalized(INDArray output, INDArray normalized, INDArray inverseStd) {
    }

    static Normalized forward(INDArray x, INDArray gain, INDArray bias, double epsilon) {
        INDArray mean = x.mean(true, 1);
        INDArray centred = x.subColumnVector(mean);
        INDArray variance = centred.mul(centred).mean(true, 1);
        INDArray inverseStd = Transforms.pow(variance.addi(epsilon), -0.5, false);
        INDArray normalized = centred.muliColumnVector(inverseStd);
        INDArray output = normalized.mulRowVector(gain).addiRowVector(bias);
        return new Normalized(output, normalized, inverseStd);
    }

    /**
     * The gradient of the input; the gain's and bias's gradients are written to {@code gainGrad} and
     * {@code biasGrad} unless they are null (frozen).
     */
    static INDArray backward(INDArray dy, Normalized n, INDArray gain, INDArray gainGrad, INDArray biasGrad) {
        if (gainGrad != null) {
            gainGrad.assign(dy.mul(n.normalized()).sum(0));
            biasGrad.assign(dy.sum(0));
        }
        INDArray dNormalized = dy.mulRowVector(gain);
        INDArray meanGrad = dNormalized.mean(true, 1);
        INDArray meanGradTimesX = dNormalized.mul(n.normalized()).mean(true, 1);
        return dNormalized.subiColumnVector(meanGrad).subi(n.normalized().mulColumnVector(meanGradTimesX))
                .muliColumnVector(n.inverseStd());
    }
}
