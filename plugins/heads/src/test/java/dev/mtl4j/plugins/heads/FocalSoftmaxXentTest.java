package dev.mtl4j.plugins.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** The classification head's focal loss: DL4J's weighted softmax cross-entropy at γ = 0, finite-difference gradients, JSON. */
final class FocalSoftmaxXentTest {
    private static final IActivation SOFTMAX = Activation.SOFTMAX.getActivationFunction();
    private static final INDArray WEIGHTS = Nd4j.createFromArray(new double[][] {{0.5, 2.0, 1.0}});

    private static INDArray preOutput() {
        Nd4j.getRandom().setSeed(4);
        return Nd4j.randn(DataType.DOUBLE, 4, 3).muli(2);
    }

    private static INDArray labels() {
        return Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}});
    }

    @Test
    void atGammaZeroItIsDl4jsWeightedSoftmaxCrossEntropy() {
        INDArray mask = Nd4j.createFromArray(new double[][] {{1}, {0}, {1}, {1}});
        ILossFunction ours = new FocalSoftmaxXent(0, WEIGHTS);
        ILossFunction dl4j = new LossMCXENT(WEIGHTS);

        assertThat(ours.computeScore(labels(), preOutput(), SOFTMAX, mask, true))
                .isCloseTo(dl4j.computeScore(labels(), preOutput(), SOFTMAX, mask, true), within(1e-9));
        assertThat(ours.computeGradient(labels(), preOutput(), SOFTMAX, mask)
                .sub(dl4j.computeGradient(labels(), preOutput(), SOFTMAX, mask)).amaxNumber().doubleValue()).isLessThan(1e-9);
    }

    @Test
    void gradientsEqualFiniteDifferences() {
        INDArray mask = Nd4j.createFromArray(new double[][] {{1}, {1}, {0}, {1}});
        for (double gamma : new double[] {0.5, 2}) {
            ILossFunction loss = new FocalSoftmaxXent(gamma, WEIGHTS);
            INDArray z = preOutput();
            LossGradientCheck.assertMatchesFiniteDifferences(loss, labels(), z, SOFTMAX, mask, 1e-5, "gamma " + gamma);
        }
    }

    @Test
    void survivesTheNetworkConfigurationsJson() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                .addLayer("out", new OutputLayer.Builder(new FocalSoftmaxXent(2, Nd4j.createFromArray(new float[][] {{1f, 3f}})))
                        .nIn(4).nOut(2).activation(Activation.SOFTMAX).build(), "in")
                .setOutputs("out").build();

        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());

        FocalSoftmaxXent loss = (FocalSoftmaxXent) ((OutputLayer) ((LayerVertex) back.getVertices().get("out"))
                .getLayerConf().getLayer()).getLossFn();
        assertThat(loss.gamma()).isEqualTo(2.0);
        assertThat(loss.outputWeights().getDouble(1)).isEqualTo(3.0);
    }
}
