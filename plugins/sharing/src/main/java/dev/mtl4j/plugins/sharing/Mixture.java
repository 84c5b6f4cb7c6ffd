package dev.mtl4j.plugins.sharing;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The running mixture. Forward: {@code y = Σ_k g_k e_k}. Backward, with ε the error at y:
 * {@code ∂L/∂e_k = g_k ε} and {@code ∂L/∂g_k = Σ_units (ε ⊙ e_k)}, row by row.
 */
final class Mixture extends AbstractLayer<MixtureLayer> {

    Mixture(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        int experts = layerConf().getExperts();
        INDArray output = workspaceMgr.create(ArrayType.ACTIVATIONS, input.dataType(), new long[] {input.size(0), width()}, 'c');
        for (int k = 0; k < experts; k++) {
            output.addi(expert(input, k).mulColumnVector(gate(input, k)));
        }
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        int experts = layerConf().getExperts();
        INDArray inputError = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        for (int k = 0; k < experts; k++) {
            gate(inputError, k).assign(epsilon.mul(expert(input, k)).sum(true, 1));
            expert(inputError, k).assign(epsilon.mulColumnVector(gate(input, k)));
        }
        return new Pair<>(new DefaultGradient(), inputError);
    }

    @Override
    public Layer.Type type() {
        return Layer.Type.FEED_FORWARD;
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
    public double calcRegularizationScore(boolean backpropOnlyParams) {
        return 0;
    }

    @Override
    public INDArray params() {
        return null;
    }

    private long width() {
        return layerConf().getWidth();
    }

    /** Gate column k, {@code [rows, 1]}, as a view. */
    private INDArray gate(INDArray array, int k) {
        return array.get(NDArrayIndex.all(), NDArrayIndex.interval(k, k + 1));
    }

    /** Expert k's columns, {@code [rows, width]}, as a view. */
    private INDArray expert(INDArray array, int k) {
        long start = layerConf().getExperts() + k * width();
        return array.get(NDArrayIndex.all(), NDArrayIndex.interval(start, start + width()));
    }
}
