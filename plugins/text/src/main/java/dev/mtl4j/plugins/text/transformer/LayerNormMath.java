package dev.mtl4j.plugins.text.transformer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Layer normalisation over each row of {@code [rows, width]}, and its gradient. Written as few passes
 * over the rows as ND4J's ops allow, each into its target (ND4J's own layer_norm op divides by the
 * standard deviation without BERT's ε, so it is not the same function).
 */
final class LayerNormMath {

    private LayerNormMath() {
    }

    /** y = (x − mean) / √(var + ε) · gain + bias, per row; keeps what the gradient needs. */
    record Normalized(INDArray output, INDArray normalized, INDArray inverseStd) {
    }

    static Normalized forward(INDArray x, INDArray gain, INDArray bias, double epsilon) {
        long width = x.size(1);
        INDArray normalized = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
        Nd4j.getExecutioner().exec(new BroadcastSubOp(x, x.mean(1), normalized, 0));
        INDArray variance = Products.rowDots(normalized, normalized).divi(width);
        INDArray inverseStd = Transforms.pow(variance.addi(epsilon), -0.5, false);
        Nd4j.getExecutioner().exec(new BroadcastMulOp(normalized, inverseStd, normalized, 0));
        INDArray output = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
        Nd4j.getExecutioner().exec(new BroadcastMulOp(normalized, gain, output, 1));
        return new Normalized(output.addiRowVector(bias), normalized, inverseStd);
    }

    /**
     * The gradient of the input, new; the gain's and bias's gradients are written to {@code gainGrad}
     * and {@code biasGrad} unless they are null (frozen).
     */
    static INDArray backward(INDArray dy, Normalized n, INDArray gain, INDArray gainGrad, INDArray biasGrad) {
        long width = dy.size(1);
        if (gainGrad != null) {
            Products.columnSums(dy.mul(n.normalized()), gainGrad);
            Products.columnSums(dy, biasGrad);
        }
        // dx = (dn − mean(dn) − n·mean(dn·n)) / σ, with dn = dy·gain, row by row
        INDArray dNormalized = Nd4j.createUninitialized(dy.dataType(), dy.shape(), 'c');
        Nd4j.getExecutioner().exec(new BroadcastMulOp(dy, gain, dNormalized, 1));
        INDArray meanGradTimesX = Products.rowDots(dNormalized, n.normalized()).divi(width);
        INDArray along = Nd4j.createUninitialized(dy.dataType(), dy.shape(), 'c');
        Nd4j.getExecutioner().exec(new BroadcastMulOp(n.normalized(), meanGradTimesX, along, 0));
        Nd4j.getExecutioner().exec(new BroadcastSubOp(dNormalized, dNormalized.mean(1), dNormalized, 0));
        dNormalized.subi(along);
        Nd4j.getExecutioner().exec(new BroadcastMulOp(dNormalized, n.inverseStd(), dNormalized, 0));
        return dNormalized;
    }
}
