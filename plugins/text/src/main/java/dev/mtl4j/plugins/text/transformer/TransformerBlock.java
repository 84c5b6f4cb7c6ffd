package dev.mtl4j.plugins.text.transformer;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The running {@link TransformerBlockLayer}. A training forward pass keeps its intermediate arrays in
 * the network's activation workspace, which lives until the backward pass, so backpropagation reuses
 * them instead of recomputing the layer.
 */
final class TransformerBlock extends BaseLayer<TransformerBlockLayer> {
    private BlockMath math;
    private BlockMath.Pass pass;

    TransformerBlock(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private BlockMath math() {
        if (math == null) {
            math = new BlockMath(layerConf().spec());
        }
        return math;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (training) {
            try (MemoryWorkspace ignored = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
                pass = math().forward(input, TokenMasks.bias(maskArray, input), params);
                return pass.output();
            }
        }
        pass = null;
        INDArray output = math().forward(input, TokenMasks.bias(maskArray, input), params).output();
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, output);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (pass == null) {
            throw new IllegalStateException("layer '" + layerId() + "': backpropagation needs a training forward pass first");
        }
        INDArray dInput = math().backward(pass, epsilon, params, gradientViews, layerConf().isInputGradient());
        pass = null;
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        gradientViews.forEach(gradient::setGradientFor);
        if (dInput == null) {
            // nothing below reads it (frozen layers), but DL4J's graph passes an array down to every layer
            dInput = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), input.shape(), 'c');
            return new Pair<>(gradient, dInput.assign(0));
        }
        return new Pair<>(gradient, workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dInput));
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        this.maskArray = maskArray;
        this.maskState = currentMaskState;
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clear() {
        super.clear();
        pass = null;
    }
}
