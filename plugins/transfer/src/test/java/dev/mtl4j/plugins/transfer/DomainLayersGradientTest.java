package dev.mtl4j.plugins.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The transfer plugin's DL4J pieces against DL4J's gradient check. A gradient-reversal layer's
 * backward is by design not the derivative of its forward (except at λ = −1), so it is checked in
 * two steps: at λ = −1 the whole DANN-shaped network passes {@link GradientCheckUtil}; at any other
 * λ the gradient of every parameter below the layer is g_task − λ·g_domain, which, the analytic
 * gradients being linear in λ, is {@code g(0) − λ·(g(−1) − g(0))} — checked against the network's
 * gradients at λ = 0 and λ = −1, each of which the gradient check confirms.
 */
final class DomainLayersGradientTest {
    private static final int ROWS = 8;

    @BeforeEach
    void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterEach
    void floatPrecision() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @Test
    void atMinusOneTheReversalIsTheIdentityAndTheNetworkPassesDl4jGradientCheck() {
        assertThat(gradientsMatch(dann(-1.0), null)).isTrue();
    }

    @Test
    void atZeroTheDomainClassifierStillLearnsButTheEncoderGetsOnlyTheTaskGradient() {
        // The check passes for the classifier's and the head's parameters; below the layer the domain's share is 0.
        assertThat(gradientsMatch(dann(0.0), Set.of("enc_W", "enc_b"))).isTrue();
    }

    @Test
    void belowTheLayerTheGradientIsTheTaskGradientMinusLambdaTimesTheDomainGradient() {
        INDArray atZero = encoderGradient(dann(0.0));
        INDArray atMinusOne = encoderGradient(dann(-1.0));
        for (double lambda : new double[] {0.3, 1.0, 2.5}) {
            INDArray expected = atZero.sub(atMinusOne.sub(atZero).mul(lambda));

            INDArray actual = encoderGradient(dann(lambda));

            assertThat(actual.sub(expected).norm2Number().doubleValue()).isLessThan(1e-10 * (1 + expected.norm2Number().doubleValue()));
            assertThat(actual.sub(atZero).norm2Number().doubleValue()).isGreaterThan(1e-6);
        }
    }

    @Test
    void forwardIsTheIdentity() {
        ComputationGraph graph = dann(0.7);
        INDArray input = input();

        var activations = graph.feedForward(new INDArray[] {input}, true, false);

        assertThat(activations.get("reversal")).isEqualTo(activations.get("enc"));
    }

    @Test
    void theScheduleRisesFromZeroTowardsLambdaAsInThePaper() {
        GradientReversalLayer layer = new GradientReversalLayer(0.5, 10, false, 100);

        assertThat(layer.coefficient(0)).isEqualTo(0.0);
        assertThat(layer.coefficient(50)).isCloseTo(0.5 * (2 / (1 + Math.exp(-5)) - 1), within(1e-12));
        assertThat(layer.coefficient(100)).isCloseTo(0.5 * (2 / (1 + Math.exp(-10)) - 1), within(1e-12));
        assertThat(layer.coefficient(500)).isEqualTo(layer.coefficient(100));
        assertThat(new GradientReversalLayer(0.5, 10, true, 100).coefficient(0)).isEqualTo(0.5);
    }

    @Test
    void theCoralLossPassesDl4jGradientCheck() {
        ComputationGraph graph = new ComputationGraph(base().addInputs("in").setInputTypes(InputType.feedForward(3))
                .addLayer("enc", dense(3, 4), "in")
                .addLayer("coral", new LossLayer.Builder(new CoralLoss(2.0)).activation(Activation.IDENTITY).build(), "enc")
                .setOutputs("coral")
                .build());
        graph.init();
        Nd4j.getRandom().setSeed(7);
        INDArray input = Nd4j.rand(DataType.DOUBLE, ROWS, 3).subi(0.5);

        boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {input}).labels(new INDArray[] {domains()})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));

        assertThat(passed).isTrue();
    }

    @Test
    void theCoralLossIsTheCovarianceDistance() {
        INDArray features = Nd4j.createFromArray(new double[][] {{0, 0}, {2, 0}, {0, 2}, {2, 2}, {0, 0}, {1, 1}, {0, 0}, {1, 1}});
        // source covariance: [[4/3, 0], [0, 4/3]]; target: [[1/3, 1/3], [1/3, 1/3]]
        double expected = (1.0 * 1.0 + 1.0 / 9 + 1.0 / 9 + 1.0) / (4 * 4);

        double loss = new CoralLoss(1.0).computeScore(domains(), features, Activation.IDENTITY.getActivationFunction(), null, true);

        assertThat(loss).isCloseTo(expected, within(1e-12));
    }

    @Test
    void configurationsSurviveJson() {
        ComputationGraphConfiguration configuration = dannConfiguration(0.25);

        assertThat(ComputationGraphConfiguration.fromJson(configuration.toJson())).isEqualTo(configuration);
    }

    /** Rows 0-3 from the source domain, 4-7 from the target. */
    private static INDArray domains() {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, ROWS, 2);
        for (int r = 0; r < ROWS; r++) {
            labels.putScalar(r, r < ROWS / 2 ? 0 : 1, 1.0);
        }
        return labels;
    }

    private static INDArray input() {
        Nd4j.getRandom().setSeed(7);
        return Nd4j.rand(DataType.DOUBLE, ROWS, 3).subi(0.5);
    }

    private static INDArray taskLabels() {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, ROWS, 2);
        for (int r = 0; r < ROWS; r++) {
            labels.putScalar(r, r % 3 == 0 ? 1 : 0, 1.0);
        }
        return labels;
    }

    /** An encoder, a task head on it, and a domain classifier behind a reversal layer with constant λ. */
    private static ComputationGraphConfiguration dannConfiguration(double lambda) {
        return base().addInputs("in").setInputTypes(InputType.feedForward(3))
                .addLayer("enc", dense(3, 4), "in")
                .addLayer("task", output(4), "enc")
                .addLayer("reversal", reversal(lambda), "enc")
                .addLayer("domain_hidden", dense(4, 3), "reversal")
                .addLayer("domain", output(3), "domain_hidden")
                .setOutputs("task", "domain")
                .build();
    }

    /** A constant coefficient; below 0 only for the test (the strategy refuses it). */
    private static GradientReversalLayer reversal(double lambda) {
        GradientReversalLayer layer = new GradientReversalLayer(1, 10, true, 100);
        layer.setLambda(lambda);
        return layer;
    }

    private static ComputationGraph dann(double lambda) {
        ComputationGraph graph = new ComputationGraph(dannConfiguration(lambda));
        graph.init();
        return graph;
    }

    private static INDArray encoderGradient(ComputationGraph graph) {
        graph.setInputs(input());
        graph.setLabels(taskLabels(), domains());
        graph.computeGradientAndScore();
        return graph.getGradient().getGradientFor("enc_W").dup();
    }

    private static boolean gradientsMatch(ComputationGraph graph, Set<String> excluded) {
        GradientCheckUtil.GraphConfig config = new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {input()}).labels(new INDArray[] {taskLabels(), domains()})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8);
        return GradientCheckUtil.checkGradients(excluded == null ? config : config.excludeParams(excluded));
    }

    private static ComputationGraphConfiguration.GraphBuilder base() {
        return new NeuralNetConfiguration.Builder().seed(12345).dataType(DataType.DOUBLE).updater(new NoOp())
                .weightInit(WeightInit.XAVIER).graphBuilder();
    }

    private static DenseLayer dense(int in, int out) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(Activation.TANH).build();
    }

    private static OutputLayer output(int in) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(2).activation(Activation.SOFTMAX).build();
    }
}
