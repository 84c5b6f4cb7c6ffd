package dev.mtl4j.plugins.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The token convolution against DL4J's own 1-D convolution layer, from the same parameters on the
 * same masked batch: the same activations, input error and parameter gradients (float, within 1e-4),
 * for odd and even kernels, ReLU and tanh; and its gradients against finite differences in a network
 * with masked global max pooling (double precision).
 */
class TokenConvolutionTest {

    @Test
    void computesWhatDl4jsConvolutionComputesForwardAndBackward() {
        for (int kernel : new int[] {5, 4, 1}) {
            for (Activation activation : new Activation[] {Activation.RELU, Activation.TANH}) {
                Convolution1DLayer conf = conv(kernel, activation, 7, 5);
                Layer dl4j = network(conf, DataType.FLOAT).getLayer("conv");
                Layer ours = network(TokenConvolution.of(conf), DataType.FLOAT).getLayer("conv");
                assertThat(ours).isInstanceOf(TokenConvolutionRunner.class);
                ours.setParams(dl4j.params().dup());

                Nd4j.getRandom().setSeed(kernel);
                INDArray x = Nd4j.rand(DataType.FLOAT, 3, 7, 11).subi(0.5);
                INDArray mask = Nd4j.create(new float[][] {
                        {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0}});
                INDArray epsilon = Nd4j.rand(DataType.FLOAT, 3, 5, 11).subi(0.5);
                LayerChecks.Pass expected = LayerChecks.pass(dl4j, x, mask, epsilon);
                LayerChecks.Pass actual = LayerChecks.pass(ours, x, mask, epsilon);

                String label = "kernel " + kernel + ", " + activation;
                assertThat(LayerChecks.difference(actual.output(), expected.output())).as(label + ": activations").isLessThan(1e-4);
                assertThat(LayerChecks.difference(actual.inputError(), expected.inputError())).as(label + ": input error").isLessThan(1e-4);
                assertThat(LayerChecks.difference(actual.gradient("W"), expected.gradient("W"))).as(label + ": weight gradient").isLessThan(1e-4);
                assertThat(LayerChecks.difference(actual.gradient("b"), expected.gradient("b"))).as(label + ": bias gradient").isLessThan(1e-4);
                assertThat(expected.gradient("W").amaxNumber().doubleValue()).isGreaterThan(0.01);
            }
        }
    }

    @Test
    void itsGradientsMatchFiniteDifferencesUnderMaskedMaxPooling() {
        ComputationGraph graph = network(TokenConvolution.of(conv(3, Activation.TANH, 4, 3)), DataType.DOUBLE);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 4, 6);
        INDArray mask = Nd4j.create(new double[][] {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 0, 0, 0}});
        INDArray labels = Nd4j.rand(DataType.DOUBLE, 2, 2);
        assertThat(LayerChecks.gradientsMatchFiniteDifferences(graph, x, mask, labels)).isTrue();
    }

    @Test
    void refusesWhatItDoesNotCompute() {
        Convolution1DLayer strided = new Convolution1DLayer.Builder().kernelSize(3).stride(2).nIn(4).nOut(4)
                .convolutionMode(ConvolutionMode.Same).rnnDataFormat(RNNFormat.NCW).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TokenConvolution.of(strided))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stride 1");
    }

    private static Convolution1DLayer conv(int kernel, Activation activation, int channels, int filters) {
        return new Convolution1DLayer.Builder().kernelSize(kernel).stride(1).nIn(channels).nOut(filters)
                .convolutionMode(ConvolutionMode.Same).activation(activation).rnnDataFormat(RNNFormat.NCW).build();
    }

    private static ComputationGraph network(Convolution1DLayer conv, DataType type) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(12).dataType(type).updater(new NoOp())
                .graphBuilder().addInputs("in").setInputTypes(InputType.recurrent(conv.getNIn(), RNNFormat.NCW))
                .addLayer("conv", conv, "in")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY)
                        .build(), "pool")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        graph.initGradientsView();
        return graph;
    }
}
