package dev.mtl4j.plugins.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The token LSTM against DL4J's own LSTM layer, from the same parameters on the same batch of texts of
 * different lengths (padding masked after the words): the same outputs, input error and parameter
 * gradients (float, within 1e-4); and its gradients against finite differences at the last real step,
 * as the {@code embedding} encoder reads it, also with a masked step inside a text (double precision).
 */
class TokenLstmTest {

    @Test
    void computesWhatDl4jsLstmComputesForwardAndBackward() {
        LSTM conf = lstm(6, 5);
        Layer dl4j = network(conf, DataType.FLOAT, false).getLayer("lstm");
        Layer ours = network(TokenLstm.of(conf), DataType.FLOAT, false).getLayer("lstm");
        assertThat(ours).isInstanceOf(TokenLstmRunner.class);
        ours.setParams(dl4j.params().dup());

        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 6, 9).subi(0.5).muli(2);
        // texts of different lengths, the padding after the words (as the text plugin lays them out)
        INDArray mask = Nd4j.create(new float[][] {
                {1, 1, 1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 0, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 1, 1, 1, 0, 0}});
        // no error at padded steps, as the layers reading it (the last real step, masked pooling) give none
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 3, 5, 9).subi(0.5);
        for (int r = 0; r < 3; r++) {
            for (int t = 0; t < 9; t++) {
                if (mask.getFloat(r, t) == 0) {
                    epsilon.get(org.nd4j.linalg.indexing.NDArrayIndex.point(r), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                            org.nd4j.linalg.indexing.NDArrayIndex.point(t)).assign(0);
                }
            }
        }
        LayerChecks.Pass expected = LayerChecks.pass(dl4j, x, mask, epsilon);
        LayerChecks.Pass actual = LayerChecks.pass(ours, x, mask, epsilon);

        assertThat(LayerChecks.difference(actual.output(), expected.output())).as("outputs").isLessThan(1e-4);
        // inference is DL4J's own forward pass: the same outputs as this layer's training pass
        ours.setInput(x.dup(), org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        ours.setMaskArray(mask);
        INDArray inference = ours.activate(false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        assertThat(LayerChecks.difference(inference, actual.output())).as("inference outputs").isLessThan(1e-4);
        assertThat(LayerChecks.difference(actual.inputError(), expected.inputError())).as("input error").isLessThan(1e-4);
        for (String key : new String[] {"W", "RW", "b"}) {
            assertThat(LayerChecks.difference(actual.gradient(key), expected.gradient(key))).as(key)
                    .isLessThan(1e-4);
            assertThat(expected.gradient(key).amaxNumber().doubleValue()).as(key).isGreaterThan(1e-3);
        }
    }

    @Test
    void itsGradientsMatchFiniteDifferencesAtTheLastRealStep() {
        ComputationGraph graph = network(TokenLstm.of(lstm(3, 4)), DataType.DOUBLE, true);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 3, 5);
        // the second text ends early; the third has a masked step inside, where the exact gradient (this
        // layer's) and DL4J's differ: DL4J carries the cell's error through a step whose cell it zeroed
        INDArray mask = Nd4j.create(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}, {1, 0, 1, 1, 0}});
        INDArray labels = Nd4j.rand(DataType.DOUBLE, 3, 2);
        assertThat(LayerChecks.gradientsMatchFiniteDifferences(graph, x, mask, labels)).isTrue();
    }

    private static LSTM lstm(int channels, int units) {
        return new LSTM.Builder().nIn(channels).nOut(units).activation(Activation.TANH).dataFormat(RNNFormat.NCW).build();
    }

    private static ComputationGraph network(LSTM lstm, DataType type, boolean lastStep) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(12).dataType(type).updater(new NoOp())
                .graphBuilder().addInputs("in").setInputTypes(InputType.recurrent(lstm.getNIn(), RNNFormat.NCW))
                .addLayer("lstm", lastStep ? new LastTimeStep(lstm) : lstm, "in")
                .addLayer("out", lastStep
                        ? new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build()
                        : new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2)
                                .activation(Activation.IDENTITY).dataFormat(RNNFormat.NCW).build(), "lstm")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        graph.initGradientsView();
        return graph;
    }
}
