package dev.mtl4j.runtime.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link dev.mtl4j.api.graph.RowWiseLayer} in the fused step: the layer's own {@code activate} and
 * {@code backpropGradient}, as DL4J's fit calls them (without workspaces), its output copied into the
 * node's buffer so that the layers reading it take the step's direct paths. The layer writes its
 * gradients, summed over the batch, into its gradient views; a step that divides its gradients itself
 * scales them there.
 */
final class FusedOwnLayer {
    private FusedOwnLayer() {
    }

    static void forward(int n, DenseTopology.Node node, INDArray in, FusedDenseStep.Buffers b, boolean training) {
        Layer layer = node.own();
        layer.setInput(in, LayerWorkspaceMgr.noWorkspaces());
        b.activation[n].assign(layer.activate(training, LayerWorkspaceMgr.noWorkspaces()));
    }

    /**
     * @param started per node, whether its error buffer already holds a contribution (its parent's: then
     *     the input's error is added to it); the node's own error is the error at its output before dropout
     */
    static void backward(int n, DenseTopology.Node node, FusedDenseStep.Buffers b, boolean[] started, double gradientScale) {
        INDArray epsilon = b.error[n];
        Layer layer = node.own();
        Pair<Gradient, INDArray> result = layer.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces());
        if (gradientScale != 1.0) {
            layer.getGradientsViewArray().muli(gradientScale);
        }
        int parent = node.parent();
        if (parent >= 0) {
            if (started[parent]) {
                b.error[parent].addi(result.getSecond());
            } else {
                b.error[parent].assign(result.getSecond());
                started[parent] = true;
            }
        }
    }
}
