package dev.mtl4j.runtime.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.data.EncodedData;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The inner loop's two promises: its steps are plain gradient descent, and its gradient is the one they descend. */
final class InnerLoopTest {

    private static ComputationGraphConfiguration network() {
        return new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.FLOAT).updater(new Adam(0.1)).graphBuilder()
                .addInputs("in").setInputTypes(InputType.feedForward(1))
                .addLayer("hidden", new DenseLayer.Builder().nIn(1).nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(1)
                        .activation(Activation.IDENTITY).build(), "hidden")
                .setOutputs("out").build();
    }

    private static EncodedData rows() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 7, 1).subi(0.5).muli(4);
        List<INDArray> labels = new ArrayList<>(List.of(Transforms.sin(x)));
        List<INDArray> masks = new ArrayList<>();
        masks.add(null);
        return new EncodedData(x, labels, masks);
    }

    @Test
    void aStepAtLearningRateOneSubtractsExactlyTheGradientWhateverTheNetworksOwnOptimizer() {
        InnerLoop inner = new InnerLoop(network(), 1.0);
        EncodedData rows = rows();
        INDArray start = inner.graph().params().dup();

        INDArray gradient = inner.gradient(rows);
        inner.steps(EncodedRows.batch(rows), 1);
        INDArray moved = start.sub(inner.graph().params());

        assertThat(gradient.norm2Number().doubleValue()).isGreaterThan(1e-3);
        assertThat(moved.sub(gradient).norm2Number().doubleValue()).isLessThan(1e-5 * (1 + gradient.norm2Number().doubleValue()));
    }

    @Test
    void theGradientIsThatOfTheRowsMeanLoss() {
        InnerLoop inner = new InnerLoop(network(), 0.1);
        EncodedData rows = rows();
        INDArray start = inner.graph().params().dup();
        INDArray gradient = inner.gradient(rows);
        double epsilon = 1e-2;
        for (int i : new int[] {0, 3, 9, 16, 24}) {
            INDArray plus = start.dup();
            plus.putScalar(0, i, start.getDouble(0, i) + epsilon);
            INDArray minus = start.dup();
            minus.putScalar(0, i, start.getDouble(0, i) - epsilon);
            inner.reset(plus);
            double up = inner.loss(rows);
            inner.reset(minus);
            double down = inner.loss(rows);

            assertThat(gradient.getDouble(0, i)).isCloseTo((up - down) / (2 * epsilon),
                    org.assertj.core.data.Offset.offset(2e-3 + 0.02 * Math.abs(gradient.getDouble(0, i))));
        }
    }

    @Test
    void resettingStartsATaskAfresh() {
        InnerLoop inner = new InnerLoop(network(), 0.5);
        EncodedData rows = rows();
        INDArray start = inner.graph().params().dup();
        inner.steps(EncodedRows.batch(rows), 3);
        INDArray first = inner.graph().params().dup();

        inner.reset(start);
        inner.steps(EncodedRows.batch(rows), 3);

        assertThat(first).isNotEqualTo(start);
        assertThat(inner.graph().params()).isEqualTo(first);
    }

    /** ND4J's sine, named for reading. */
    private static final class Transforms {
        static INDArray sin(INDArray x) {
            return org.nd4j.linalg.ops.transforms.Transforms.sin(x, true);
        }
    }
}
