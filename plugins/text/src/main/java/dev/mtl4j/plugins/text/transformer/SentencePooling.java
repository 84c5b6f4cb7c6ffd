package dev.mtl4j.plugins.text.transformer;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The running {@link SentencePoolingLayer}. */
final class SentencePooling extends AbstractLayer<SentencePoolingLayer> {
    private PoolingMath.Pooled pooled;
    private INDArray mask;

    SentencePooling(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (training) {
            try (MemoryWorkspace ignored = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
                mask = TokenMasks.mask(maskArray, input);
                pooled = layerConf().math().forward(input, mask);
                return pooled.output();
            }
        }
        pooled = null;
        INDArray output = layerConf().math().forward(input, TokenMasks.mask(maskArray, input)).output();
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, output);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (pooled == null) {
            throw new IllegalStateException("layer '" + layerId() + "': backpropagation needs a training forward pass first");
        }
        INDArray dTokens = layerConf().math().backward(epsilon, pooled, mask, input.size(1));
        pooled = null;
        return new Pair<>(new DefaultGradient(), workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dTokens));
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        this.maskArray = maskArray;
        this.maskState = currentMaskState;
        return new Pair<>(null, null);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // no parameters
    }

    @Override
    public void clear() {
        super.clear();
        pooled = null;
        mask = null;
    }
}
