package dev.mtl4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A file that stores its parameters its own way (format 3) gets DL4J's configuration and optimizer
 * state written directly: byte for byte the entries DL4J's own writer makes, without coefficients.bin.
 */
class ManifestedZipTest {

    @Test
    void withoutParametersTheEntriesAreDl4jsOwnLessTheCoefficients() throws IOException {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(1e-2))
                .graphBuilder().addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(5).nOut(2)
                        .activation(Activation.IDENTITY).build(), "dense")
                .setOutputs("out").build());
        graph.init();
        Nd4j.getRandom().setSeed(4);
        // two steps, so that Adam's moments are not zeros
        for (int step = 0; step < 2; step++) {
            graph.fit(new org.nd4j.linalg.dataset.DataSet(Nd4j.rand(DataType.FLOAT, 8, 4), Nd4j.rand(DataType.FLOAT, 8, 2)));
        }
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(graph, dl4j, true);
        Map<String, byte[]> expected = entries(dl4j.toByteArray());

        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (ManifestedZip zip = new ManifestedZip(ours)) {
            zip.putDl4jEntries(graph, false);
        }
        Map<String, byte[]> actual = entries(ours.toByteArray());

        assertThat(actual.keySet()).containsExactly(ModelEntries.CONFIGURATION, ModelEntries.UPDATER_STATE);
        assertThat(expected).containsKey(ModelEntries.COEFFICIENTS);
        assertThat(actual.get(ModelEntries.CONFIGURATION)).isEqualTo(expected.get(ModelEntries.CONFIGURATION));
        assertThat(actual.get(ModelEntries.UPDATER_STATE)).isEqualTo(expected.get(ModelEntries.UPDATER_STATE));
        assertThat(graph.getUpdater().getStateViewArray().amaxNumber().doubleValue()).as("Adam's state").isPositive();
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
