package dev.mtl4j.plugins.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The sharing plugin's own DL4J vertices: analytic gradients equal finite differences; configs survive JSON. */
final class CustomLayersGradientTest {
    private static final int ROWS = 6;

    @Test
    void crossStitchUnitPassesDl4jGradientCheck() {
        ComputationGraph graph = new ComputationGraph(crossStitchNetwork());
        graph.init();

        assertThat(gradientsMatch(graph, 2)).isTrue();
    }

    @Test
    void crossStitchStartsNearTheIdentity() {
        ComputationGraph graph = new ComputationGraph(crossStitchNetwork());
        graph.init();

        INDArray alpha = graph.getLayer("stitch").getParam(CrossStitchLayer.ALPHA);
        assertThat(alpha.getDouble(0, 0)).isEqualTo(0.9);
        assertThat(alpha.getDouble(1, 1)).isEqualTo(0.9);
        assertThat(alpha.getDouble(0, 1)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void mixtureOfExpertsPassesDl4jGradientCheck() {
        ComputationGraph graph = new ComputationGraph(mixtureNetwork());
        graph.init();

        assertThat(gradientsMatch(graph, 2)).isTrue();
    }

    @Test
    void theCheckAcceptsAStockNetworkWithTheSameSetUp() {
        ComputationGraph graph = new ComputationGraph(base().addInputs("in").setInputTypes(InputType.feedForward(3))
                .addLayer("e0", dense(3, 4), "in")
                .addLayer("out_a", output(4, 2), "e0")
                .addLayer("out_b", output(4, 2), "e0")
                .setOutputs("out_a", "out_b")
                .build());
        graph.init();

        assertThat(gradientsMatch(graph, 2)).isTrue();
    }

    @Test
    void mixtureUnderOneHeadPassesDl4jGradientCheck() {
        ComputationGraph graph = new ComputationGraph(base().addInputs("in").setInputTypes(InputType.feedForward(3))
                .addLayer("e0", dense(3, 4), "in")
                .addLayer("e1", dense(3, 4), "in")
                .addLayer("gate", new DenseLayer.Builder().nIn(3).nOut(2).activation(Activation.SOFTMAX).build(), "in")
                .addVertex("joined", new MergeVertex(), "gate", "e0", "e1")
                .addLayer("mix", new MixtureLayer(2, 4), "joined")
                .addLayer("out_a", output(4, 2), "mix")
                .setOutputs("out_a")
                .build());
        graph.init();

        assertThat(gradientsMatch(graph, 1)).isTrue();
    }

    @Test
    void configurationsSurviveJson() {
        ComputationGraphConfiguration stitch = crossStitchNetwork();
        ComputationGraphConfiguration mixture = mixtureNetwork();

        assertThat(ComputationGraphConfiguration.fromJson(stitch.toJson())).isEqualTo(stitch);
        assertThat(ComputationGraphConfiguration.fromJson(mixture.toJson())).isEqualTo(mixture);
    }

    /** Two towers of width 4, a cross-stitch unit, each tower's slice into a head of its own. */
    private static ComputationGraphConfiguration crossStitchNetwork() {
        return base().addInputs("in").setInputTypes(InputType.feedForward(3))
                .addLayer("a", dense(3, 4), "in")
                .addLayer("b", dense(3, 4), "in")
                .addVertex("towers", new MergeVertex(), "a", "b")
                .addLayer("stitch", new CrossStitchLayer(2, 4), "towers")
                .addVertex("a_mixed", new SubsetVertex(0, 3), "stitch")
                .addVertex("b_mixed", new SubsetVertex(4, 7), "stitch")
                .addLayer("out_a", output(4, 2), "a_mixed")
                .addLayer("out_b", output(4, 2), "b_mixed")
                .setOutputs("out_a", "out_b")
                .build();
    }

    /** Three experts of width 4, a softmax gate over them, the mixture into a head. */
    private static ComputationGraphConfiguration mixtureNetwork() {
        return base().addInputs("in").setInputTypes(InputType.feedForward(3))
                .addLayer("e0", dense(3, 4), "in")
                .addLayer("e1", dense(3, 4), "in")
                .addLayer("e2", dense(3, 4), "in")
                .addLayer("gate", new DenseLayer.Builder().nIn(3).nOut(3).activation(Activation.SOFTMAX).build(), "in")
                .addVertex("joined", new MergeVertex(), "gate", "e0", "e1", "e2")
                .addLayer("mix", new MixtureLayer(3, 4), "joined")
                .addLayer("out_a", output(4, 2), "mix")
                .addLayer("out_b", output(4, 2), "mix")
                .setOutputs("out_a", "out_b")
                .build();
    }

    private static ComputationGraphConfiguration.GraphBuilder base() {
        return new NeuralNetConfiguration.Builder().seed(12345).dataType(DataType.DOUBLE).updater(new NoOp())
                .weightInit(WeightInit.XAVIER).graphBuilder();
    }

    private static DenseLayer dense(int in, int out) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(Activation.TANH).build();
    }

    private static OutputLayer output(int in, int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(classes)
                .activation(Activation.SOFTMAX).build();
    }

    /** DL4J's gradient check refuses to run unless double is the default data type, as it should be. */
    @org.junit.jupiter.api.BeforeEach
    void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @org.junit.jupiter.api.AfterEach
    void floatPrecision() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    private static boolean gradientsMatch(ComputationGraph graph, int outputs) {
        Nd4j.getRandom().setSeed(7);
        INDArray input = Nd4j.rand(DataType.DOUBLE, ROWS, 3).subi(0.5);
        INDArray[] labels = new INDArray[outputs];
        for (int o = 0; o < outputs; o++) {
            labels[o] = Nd4j.zeros(DataType.DOUBLE, ROWS, 2);
            for (int r = 0; r < ROWS; r++) {
                labels[o].putScalar(r, (r + o) % 2, 1.0);
            }
        }
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {input}).labels(labels)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));
    }
}
