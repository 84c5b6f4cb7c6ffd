package dev.mtl4j.runtime.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's merge (read by a dense layer) and element-wise product vertices in the fused step's buffers,
 * with their arithmetic: a merge copies its parts side by side and hands each part its columns of the
 * error; a product {@code y = a ⊙ b} hands {@code ε ⊙ b} to a and {@code ε ⊙ a} to b (DL4J's
 * {@code ElementWiseVertex}: the product of the other inputs).
 */
final class FusedJoins {
    private FusedJoins() {
    }

    static void concatForward(int n, DenseTopology.Node node, FusedDenseStep.Buffers b) {
        int[] parts = node.mixed();
        for (int k = 0; k < parts.length; k++) {
            b.activationBlock(n, k, parts).assign(b.output(parts[k]));
        }
    }

    /** @param started per node, whether its error buffer holds a contribution (then added to); set for the parts */
    static void concatBackward(int n, DenseTopology.Node node, FusedDenseStep.Buffers b, boolean[] started) {
        int[] parts = node.mixed();
        for (int k = 0; k < parts.length; k++) {
            INDArray columns = b.errorBlock(n, k, parts);
            if (started[parts[k]]) {
                b.error[parts[k]].addi(columns);
            } else {
                b.error[parts[k]].assign(columns);
                started[parts[k]] = true;
            }
        }
    }

    static void productForward(int n, DenseTopology.Node node, FusedDenseStep.Buffers b) {
        int[] factors = node.mixed();
        multiply(b, b.output(factors[0]), b.output(factors[1]), b.activation[n]);
    }

    /** As {@link #concatBackward}; the node's preactivation buffer (unused by a product) holds a contribution to add. */
    static void productBackward(int n, DenseTopology.Node node, FusedDenseStep.Buffers b, boolean[] started) {
        int[] factors = node.mixed();
        INDArray epsilon = b.error[n];
        for (int k = 0; k < 2; k++) {
            int into = factors[k];
            INDArray other = b.output(factors[1 - k]);
            if (started[into]) {
                multiply(b, epsilon, other, b.preActivation[n]);
                b.error[into].addi(b.preActivation[n]);
            } else {
                multiply(b, epsilon, other, b.error[into]);
                started[into] = true;
            }
        }
    }

    private static void multiply(FusedDenseStep.Buffers b, INDArray x, INDArray y, INDArray out) {
        if (!b.elementWise.multiply(x, y, out)) {
            Nd4j.getExecutioner().exec(new MulOp(x, y, out));
        }
    }
}
