package dev.mtl4j.runtime.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.data.EncodedData;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

final class FrozenFeaturesTest {

    /** Chunk by chunk into one array: the same rows as one forward pass over all of them. */
    @Test
    void chunkedFeaturesAreTheEncodersOutputForEveryRow() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).graphBuilder()
                .addInputs("in")
                .addLayer("encoder", new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(4).nOut(2)
                        .activation(Activation.IDENTITY).build(), "encoder")
                .setOutputs("out").build());
        graph.init();
        Nd4j.getRandom().setSeed(11);
        INDArray rows = Nd4j.rand(DataType.FLOAT, 30, 6).subi(0.5);
        INDArray labels = Nd4j.rand(DataType.FLOAT, 30, 2);
        EncodedData data = new EncodedData(rows, List.of(labels), java.util.Arrays.asList((INDArray) null));

        EncodedData frozen = FrozenFeatures.of(graph, "encoder", data, 7);

        INDArray expected = graph.feedForward(new INDArray[] {rows}, false, false).get("encoder");
        assertThat(frozen.features().shape()).containsExactly(30, 4);
        assertThat(frozen.features().equalsWithEps(expected, 1e-5)).as(frozen.features() + "\n" + expected).isTrue();
        assertThat(frozen.features().sumNumber().doubleValue()).isPositive();
        assertThat(frozen.labels()).containsExactly(labels);
        assertThat(FrozenFeatures.of(graph, "encoder", null)).isNull();
    }
}
