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

/** The ordinal head's CORAL loss: binary cross-entropy over the thresholds, exact gradients, JSON round trip. */
final class CoralLossTest {
    private static final IActivation SIGMOID = Activation.SIGMOID.getActivationFunction();

    private static INDArray logits() {
        Nd4j.getRandom().setSeed(4);
        return Nd4j.randn(DataType.DOUBLE, 5, 3).muli(2);
    }

    /** Cumulative labels of ranks 0, 1, 3, 2, 3 over three thresholds. */
    private static INDArray labels() {
        return Nd4j.createFromArray(new double[][] {{0, 0, 0}, {1, 0, 0}, {1, 1, 1}, {1, 1, 0}, {1, 1, 1}});
    }

    @Test
    void itIsBinaryCrossEntropySummedOverTheThresholds() {
        INDArray mask = Nd4j.createFromArray(new double[][] {{1}, {0}, {1}, {1}, {1}});
        ILossFunction coral = new CoralLoss(null);
        ILossFunction dl4j = new LossBinaryXENT();

        // DL4J clips p to [1e-5, 1 - 1e-5]; at these logits (|z| < 8) the two agree closely
        assertThat(coral.computeScore(labels(), logits(), SIGMOID, mask, true))
                .isCloseTo(dl4j.computeScore(labels(), logits(), SIGMOID, mask, true), within(1e-6));
        assertThat(coral.computeScoreArray(labels(), logits(), SIGMOID, mask).getDouble(1, 0)).isEqualTo(0.0);
    }

    @Test
    void largeLogitsStayFinite() {
        INDArray z = Nd4j.createFromArray(new double[][] {{200, -200}});
        INDArray y = Nd4j.createFromArray(new double[][] {{0, 1}});

        double score = new CoralLoss(null).computeScore(y, z, SIGMOID, null, false);

        assertThat(score).isCloseTo(400, within(1e-9));
        assertThat(new CoralLoss(null).computeGradient(y, z, SIGMOID, null).toDoubleVector()).containsExactly(1.0, -1.0);
    }

    @Test
    void gradientsEqualFiniteDifferences() {
        INDArray mask = Nd4j.createFromArray(new double[][] {{1}, {1}, {0}, {1}, {1}});
        for (INDArray weights : new INDArray[] {null, Nd4j.createFromArray(new double[][] {{0.5, 2.0, 1.5}})}) {
            ILossFunction loss = new CoralLoss(weights);
            INDArray z = logits();
            LossGradientCheck.assertMatchesFiniteDifferences(loss, labels(), z, SIGMOID, mask, 1e-6, "weights " + weights);
        }
    }

    @Test
    void survivesTheNetworkConfigurationsJson() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                .addLayer("out", new OutputLayer.Builder(new CoralLoss(Nd4j.createFromArray(new float[][] {{3f, 1f}})))
                        .nIn(1).nOut(2).activation(Activation.SIGMOID).build(), "in")
                .setOutputs("out").build();

        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());

        OutputLayer layer = (OutputLayer) ((LayerVertex) back.getVertices().get("out")).getLayerConf().getLayer();
        assertThat(((CoralLoss) layer.getLossFn()).outputWeights().toDoubleVector()).containsExactly(3.0, 1.0);
    }
}
