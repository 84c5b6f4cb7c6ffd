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

/** The running {@link TokenEmbeddingLayer}: ids have no gradient, so it passes none back. */
final class TokenEmbedding extends BaseLayer<TokenEmbeddingLayer> {
    private EmbeddingMath.Pass pass;

    TokenEmbedding(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        EmbeddingMath math = layerConf().math();
        INDArray ids = TokenMasks.cutToLongest(input, maskArray);
        if (training && layerConf().isTrainable()) {
            try (MemoryWorkspace ignored = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
                pass = math.forward(ids, params);
                return pass.output((int) params.get("word").size(1));
            }
        }
        pass = null;
        INDArray output = math.forward(ids, params).output((int) params.get("word").size(1));
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, output);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        if (pass != null) {
            layerConf().math().backward(pass, epsilon, params, gradientViews);
            gradientViews.forEach(gradient::setGradientFor);
            pass = null;
        }
        return new Pair<>(gradient, null);
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
