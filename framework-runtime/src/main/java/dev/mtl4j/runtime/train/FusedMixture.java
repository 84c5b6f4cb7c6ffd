package dev.mtl4j.runtime.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A gated mixture of experts in the fused step's buffers, the arithmetic of
 * {@link dev.mtl4j.api.graph.GatedMixture}: {@code y = Σ_k g_k e_k} forward; backward, with ε the
 * error at y, {@code ∂L/∂e_k = g_k ε} (added to each expert's error: an expert may feed several
 * mixtures) and {@code ∂L/∂g_k = Σ_units ε ⊙ e_k} (the gate's error, column k). The merge of gate and
 * experts DL4J builds is never materialised: the experts are read where they are. The node's own
 * preactivation buffer, unused by a mixture, holds the products.
 */
final class FusedMixture {
    private FusedMixture() {
    }

    static void forward(int n, DenseTopology.Node node, FusedDenseStep.Buffers b) {
        int[] mixed = node.mixed();
        INDArray y = b.activation[n];
        if (b.elementWise.mixtureForward(b.activation[mixed[0]], b.expertOutputs(n, mixed), y)) {
            return;
        }
        INDArray product = b.preActivation[n];
        for (int k = 1; k < mixed.length; k++) {
            INDArray gate = b.activationColumn(mixed[0], k - 1);
            Nd4j.getExecutioner().exec(new BroadcastMulOp(b.output(mixed[k]), gate, k == 1 ? y : product, 0));
            if (k > 1) {
                y.addi(product);
            }
        }
    }

    /**
     * @param started per node, whether its error buffer already holds a contribution (then it is added
     *     to); set for the gate and the experts
     */
    static void backward(int n, DenseTopology.Node node, FusedDenseStep.Buffers b, boolean[] started) {
        int[] mixed = node.mixed();
        INDArray epsilon = b.error[n];
        INDArray product = b.preActivation[n];
        boolean[] accumulate = b.expertsStarted(n, mixed.length - 1);
        for (int k = 1; k < mixed.length; k++) {
            accumulate[k - 1] = started[mixed[k]];
        }
        if (b.elementWise.mixtureBackward(epsilon, b.activation[mixed[0]], b.error[mixed[0]], b.expertOutputs(n, mixed),
                b.expertErrors(n, mixed), accumulate)) {
            for (int k = 0; k < mixed.length; k++) {
                started[mixed[k]] = true;
            }
            return;
        }
        for (int k = 1; k < mixed.length; k++) {
            // the gate's error, column k: one row-wise dot product
            Nd4j.getExecutioner().exec(new Dot(epsilon, b.output(mixed[k]), b.errorColumn(mixed[0], k - 1), 1));
            INDArray gate = b.activationColumn(mixed[0], k - 1);
            int expert = mixed[k];
            if (started[expert]) {
                Nd4j.getExecutioner().exec(new BroadcastMulOp(epsilon, gate, product, 0));
                b.error[expert].addi(product);
            } else {
                Nd4j.getExecutioner().exec(new BroadcastMulOp(epsilon, gate, b.error[expert], 0));
                started[expert] = true;
            }
        }
        started[mixed[0]] = true;
    }
}
