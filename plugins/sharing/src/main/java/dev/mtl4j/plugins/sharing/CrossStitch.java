package dev.mtl4j.plugins.sharing;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The running cross-stitch unit. Forward: {@code x̃_i = Σ_j α_ij x_j}. Backward, with ε_i the error
 * at x̃_i: {@code ∂L/∂x_j = Σ_i α_ij ε_i} and {@code ∂L/∂α_ij = Σ (ε_i ⊙ x_j)} over rows and units.
 */
final class CrossStitch extends BaseLayer<CrossStitchLayer> {

    CrossStitch(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray alpha = getParam(CrossStitchLayer.ALPHA);
        int towers = layerConf().getTowers();
        INDArray output = workspaceMgr.create(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        for (int i = 0; i < towers; i++) {
            INDArray mixed = block(output, i, towers);
            for (int j = 0; j < towers; j++) {
                mixed.addi(block(input, j, towers).mul(alpha.getDouble(i, j)));
            }
        }
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray alpha = getParam(CrossStitchLayer.ALPHA);
        INDArray alphaGradient = gradientViews.get(CrossStitchLayer.ALPHA);
        int towers = layerConf().getTowers();
        INDArray inputError = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        for (int i = 0; i < towers; i++) {
            INDArray error = block(epsilon, i, towers);
            for (int j = 0; j < towers; j++) {
                INDArray tower = block(input, j, towers);
                alphaGradient.putScalar(i, j, error.mul(tower).sumNumber().doubleValue());
                block(inputError, j, towers).addi(error.mul(alpha.getDouble(i, j)));
            }
        }
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(CrossStitchLayer.ALPHA, alphaGradient);
        return new Pair<>(gradient, inputError);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public boolean hasBias() {
        return false;
    }

    /** Tower {@code t}'s columns of a {@code [rows, towers · width]} array, as a view. */
    private static INDArray block(INDArray array, int t, int towers) {
        long width = array.size(1) / towers;
        return array.get(NDArrayIndex.all(), NDArrayIndex.interval(t * width, (t + 1) * width));
    }
}
