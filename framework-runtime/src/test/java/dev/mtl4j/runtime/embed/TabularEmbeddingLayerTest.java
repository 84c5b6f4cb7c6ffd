package dev.mtl4j.runtime.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The embedding layer's backward pass against finite differences (DL4J's own gradient check, in
 * double precision), its output shape and what it does with a category index it does not know.
 */
final class TabularEmbeddingLayerTest {
    private static final List<ColumnEmbedding> COLUMNS = List.of(ColumnEmbedding.PASS,
            ColumnEmbedding.numeric(ColumnEmbedding.Kind.LINEAR, 3, 0, 0),
            ColumnEmbedding.numeric(ColumnEmbedding.Kind.PERIODIC, 4, 5, 0.5),
            ColumnEmbedding.numeric(ColumnEmbedding.Kind.PLR, 3, 4, 0.3),
            ColumnEmbedding.lookup(4, 2));

    private static ComputationGraph network() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(12).dataType(DataType.DOUBLE)
                .updater(new NoOp()).graphBuilder().addInputs("in").setInputTypes(InputType.feedForward(COLUMNS.size()))
                .addLayer("embed", new TabularEmbeddingLayer(COLUMNS), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2)
                        .activation(Activation.IDENTITY).build(), "embed")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    private static INDArray rows() {
        return Nd4j.create(new double[][] {
                {0.3, 0.8, -1.2, 0.7, 1}, {-1.1, 1.5, 0.4, -0.2, 3}, {0.9, 0.6, 2.1, 1.3, 2},
                {0.2, 1.1, -0.6, 0.5, 0}, {1.4, 0.9, 0.9, -1.0, 3}, {-0.5, 1.3, 1.6, 0.1, 1}});
    }

    @Test
    void itsGradientsMatchFiniteDifferences() {
        ComputationGraph graph = network();
        INDArray labels = Nd4j.rand(DataType.DOUBLE, 6, 2);
        DataType floatType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // GradientCheckUtil insists, though the network is double
        try {
            boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                    .inputs(new INDArray[] {rows()}).labels(new INDArray[] {labels})
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));
            assertThat(passed).isTrue();
        } finally {
            Nd4j.setDefaultDataTypes(floatType, floatType);
        }
    }

    @Test
    void eachColumnBecomesItsEmbeddingAndUnknownIndexesReadTheOutOfVocabularyRow() {
        ComputationGraph graph = network();
        INDArray in = Nd4j.create(new double[][] {{0.3, 0.8, -1.2, 0.7, 2}, {0.3, 0.8, -1.2, 0.7, 9},
                {0.3, 0.8, -1.2, 0.7, 0}});
        INDArray embedded = graph.feedForward(in, false).get("embed");

        assertThat(embedded.shape()).containsExactly(3, 1 + 3 + 4 + 3 + 2);
        assertThat(embedded.getDouble(0, 0)).isCloseTo(0.3, within(1e-12));
        // an index beyond the table and index 0 both read row 0, which starts at zeros
        assertThat(embedded.getRow(1).getDouble(11)).isZero();
        assertThat(embedded.getRow(1).getDouble(12)).isZero();
        assertThat(embedded.getRow(2).getDouble(11)).isZero();
        assertThat(embedded.getRow(0).getDouble(11)).isNotZero();
        // PLR's output is a ReLU's
        for (int j = 8; j < 11; j++) {
            assertThat(embedded.getDouble(0, j)).isGreaterThanOrEqualTo(0);
        }
    }

    /** Every kind's output against its formula, computed here with ND4J from the layer's parameters. */
    @Test
    void eachKindComputesItsFormula() {
        ComputationGraph graph = network();
        org.deeplearning4j.nn.api.Layer layer = graph.getLayer("embed");
        INDArray in = rows();
        INDArray embedded = graph.feedForward(in, false).get("embed");
        for (int r = 0; r < in.rows(); r++) {
            INDArray expected = Nd4j.hstack(
                    Nd4j.create(new double[][] {{in.getDouble(r, 0)}}),
                    relu(layer.getParam("w1").mul(in.getDouble(r, 1)).add(layer.getParam("b1"))),
                    periodic(layer, 2, in.getDouble(r, 2)),
                    relu(periodic(layer, 3, in.getDouble(r, 3))),
                    layer.getParam("e4").getRow((long) in.getDouble(r, 4), true));
            assertThat(embedded.getRow(r, true).sub(expected).amaxNumber().doubleValue()).as("row %d", r).isLessThan(1e-12);
        }
    }

    /** {@code [sin 2πxc, cos 2πxc] W + b} of input i. */
    private static INDArray periodic(org.deeplearning4j.nn.api.Layer layer, int i, double x) {
        INDArray z = layer.getParam("c" + i).mul(2 * Math.PI * x);
        return Nd4j.hstack(org.nd4j.linalg.ops.transforms.Transforms.sin(z), org.nd4j.linalg.ops.transforms.Transforms.cos(z))
                .mmul(layer.getParam("w" + i)).add(layer.getParam("b" + i));
    }

    private static INDArray relu(INDArray x) {
        return org.nd4j.linalg.ops.transforms.Transforms.relu(x, true);
    }

    @Test
    void theLayerSurvivesDl4jsJson() {
        ComputationGraph graph = network();
        ComputationGraphConfiguration read = ComputationGraphConfiguration.fromJson(graph.getConfiguration().toJson());
        assertThat(read).isEqualTo(graph.getConfiguration());
        assertThat(graph.numParams()).isEqualTo(COLUMNS.stream().mapToLong(ColumnEmbedding::numParams).sum()
                + (1 + 3 + 4 + 3 + 2) * 2 + 2);
    }
}
