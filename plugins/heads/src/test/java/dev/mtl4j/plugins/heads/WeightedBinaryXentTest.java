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
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/** The binary head's weighted/focal loss: DL4J's loss when neutral, gradients equal finite differences, JSON round trip. */
final class WeightedBinaryXentTest {
    private static final IActivation SIGMOID = Activation.SIGMOID.getActivationFunction();

    private static INDArray preOutput() {
        Nd4j.getRandom().setSeed(3);
        return Nd4j.randn(DataType.DOUBLE, 5, 2).muli(2);
    }

    private static INDArray labels() {
        return Nd4j.createFromArray(new double[][] {{1, 0}, {0, 0}, {1, 1}, {0, 1}, {1, 0}});
    }

    @Test
    void withoutWeightOrFocusItIsDl4jsBinaryCrossEntropy() {
        INDArray mask = Nd4j.createFromArray(new double[][] {{1}, {1}, {0}, {1}, {1}});
        ILossFunction ours = new WeightedBinaryXent(1, 0, null);
        ILossFunction dl4j = new LossBinaryXENT();

        assertThat(ours.computeScore(labels(), preOutput(), SIGMOID, mask, true))
                .isCloseTo(dl4j.computeScore(labels(), preOutput(), SIGMOID, mask, true), within(1e-9));
        assertThat(ours.computeGradient(labels(), preOutput(), SIGMOID, mask).sub(
                dl4j.computeGradient(labels(), preOutput(), SIGMOID, mask)).amaxNumber().doubleValue()).isLessThan(1e-9);
    }

    @Test
    void aPositiveWeightMultipliesThePositiveExamplesLossOnly() {
        INDArray negatives = Nd4j.zeros(DataType.DOUBLE, 5, 2);
        INDArray positives = Nd4j.ones(DataType.DOUBLE, 5, 2);
        ILossFunction plain = new WeightedBinaryXent(1, 0, null);
        ILossFunction weighted = new WeightedBinaryXent(4, 0, null);

        assertThat(weighted.computeScore(positives, preOutput(), SIGMOID, null, false))
                .isCloseTo(4 * plain.computeScore(positives, preOutput(), SIGMOID, null, false), within(1e-9));
        assertThat(weighted.computeScore(negatives, preOutput(), SIGMOID, null, false))
                .isCloseTo(plain.computeScore(negatives, preOutput(), SIGMOID, null, false), within(1e-9));
    }

    @Test
    void focalTermDownWeighsExamplesAlreadyRight() {
        INDArray confident = Nd4j.createFromArray(new double[][] {{3.0}});
        INDArray positive = Nd4j.createFromArray(new double[][] {{1.0}});
        double plain = new WeightedBinaryXent(1, 0, null).computeScore(positive, confident, SIGMOID, null, false);
        double focal = new WeightedBinaryXent(1, 2, null).computeScore(positive, confident, SIGMOID, null, false);
        double p = 1 / (1 + Math.exp(-3.0));

        assertThat(focal).isCloseTo(plain * (1 - p) * (1 - p), within(1e-9));
    }

    @Test
    void gradientsEqualFiniteDifferences() {
        INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1}, {1, 0}, {1, 1}, {0, 1}, {1, 1}});
        INDArray outputWeights = Nd4j.createFromArray(new double[][] {{0.5, 2.0}});
        for (double gamma : new double[] {0, 0.5, 2}) {
            for (double positiveWeight : new double[] {1, 7.5}) {
                ILossFunction loss = new WeightedBinaryXent(positiveWeight, gamma, outputWeights);
                INDArray z = preOutput();
                LossGradientCheck.assertMatchesFiniteDifferences(loss, labels(), z, SIGMOID, mask, 1e-5,
                        "gamma " + gamma + ", w+ " + positiveWeight);
            }
        }
    }

    @Test
    void survivesTheNetworkConfigurationsJson() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                .addLayer("out", new OutputLayer.Builder(new WeightedBinaryXent(19.5, 2, Nd4j.createFromArray(new float[][] {{3f}})))
                        .nIn(4).nOut(1).activation(Activation.SIGMOID).build(), "in")
                .setOutputs("out").build();

        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());

        LayerVertex vertex = (LayerVertex) back.getVertices().get("out");
        OutputLayer layer = (OutputLayer) vertex.getLayerConf().getLayer();
        WeightedBinaryXent loss = (WeightedBinaryXent) layer.getLossFn();
        assertThat(loss.positiveWeight()).isEqualTo(19.5);
        assertThat(loss.gamma()).isEqualTo(2.0);
        assertThat(loss.outputWeights().getDouble(0)).isEqualTo(3.0);
    }
}
