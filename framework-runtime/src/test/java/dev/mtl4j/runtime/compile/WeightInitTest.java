package dev.mtl4j.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.runtime.Repository;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code training.init}: the weights of every DL4J dense and output layer start from the chosen
 * distribution (checked on the drawn weights, not on the configuration), a plugin's own layer keeps
 * its start, and a network so started still learns.
 */
final class WeightInitTest {
    private static MtlRuntime runtime;

    @BeforeAll
    static void runtime() {
        runtime = MtlRuntime.create();
    }

    private static PipelineSpec digits(String init, ComponentSource sharing) {
        return Pipelines.digits(3, 128, 64)
                .sharing(sharing)
                .task("digit", Heads.classification(10).hidden(32))
                .task("parity", Heads.classification(2))
                .training(t -> t.epochs(3).batchSize(64).adam(1e-3).seed(42).init(init))
                .build();
    }

    private static ComputationGraph initial(String init, ComponentSource sharing) {
        return runtime.prepare(digits(init, sharing), Path.of("")).network().graph();
    }

    @Test
    void uniformDrawsEveryWeightLayerFromPlusMinusOneOverRootFanIn() {
        ComputationGraph graph = initial("uniform", Sharing.hard());
        int checked = 0;
        for (Layer layer : graph.getLayers()) {
            INDArray w = layer.getParam("W");
            if (w == null) {
                continue;
            }
            long fanIn = w.size(0);
            double bound = 1 / Math.sqrt(fanIn);
            String name = layer.getConfig().getLayerName();
            assertThat(w.amaxNumber().doubleValue()).as(name).isLessThanOrEqualTo(bound);
            if (w.length() >= 300) {
                // U(-a, a) has standard deviation a/√3
                assertThat(w.stdNumber().doubleValue()).as(name).isCloseTo(bound / Math.sqrt(3), within(0.1 * bound / Math.sqrt(3)));
            }
            checked++;
        }
        assertThat(checked).as("encoder 2 + digit head 2 + parity head 1").isEqualTo(5);
    }

    @Test
    void heAndXavierHaveTheirSpreadOnEveryLayerAndAutoKeepsEachComponentsChoice() {
        ComputationGraph he = initial("he", Sharing.hard());
        ComputationGraph xavier = initial("xavier", Sharing.hard());
        ComputationGraph auto = initial("auto", Sharing.hard());
        for (Layer layer : he.getLayers()) {
            INDArray w = layer.getParam("W");
            if (w == null || w.length() < 300) {
                continue;
            }
            String name = layer.getConfig().getLayerName();
            double fanIn = w.size(0);
            double fanOut = w.size(1);
            assertThat(w.stdNumber().doubleValue()).as(name).isCloseTo(Math.sqrt(2 / fanIn), within(0.1 * Math.sqrt(2 / fanIn)));
            double xavierSd = Math.sqrt(2 / (fanIn + fanOut));
            assertThat(xavier.getLayer(name).getParam("W").stdNumber().doubleValue()).as(name)
                    .isCloseTo(xavierSd, within(0.1 * xavierSd));
        }
        // auto: the encoder's ReLU layers are He, the digit head's softmax output layer Xavier
        INDArray output = auto.getLayer(auto.getConfiguration().getNetworkOutputs().get(0)).getParam("W");
        double outSd = Math.sqrt(2.0 / (output.size(0) + output.size(1)));
        assertThat(output.stdNumber().doubleValue()).isCloseTo(outSd, within(0.15 * outSd));
        INDArray heOutput = he.getLayer(he.getConfiguration().getNetworkOutputs().get(0)).getParam("W");
        assertThat(heOutput.stdNumber().doubleValue()).isCloseTo(Math.sqrt(2.0 / heOutput.size(0)),
                within(0.15 * Math.sqrt(2.0 / heOutput.size(0))));
    }

    @Test
    void aPluginsOwnLayerKeepsItsStart() {
        INDArray uniform = initial("uniform", Sharing.soft().penalty("none").crossStitch(true))
                .getLayer("shared/stitch_1/unit").getParam("alpha");
        INDArray auto = initial("auto", Sharing.soft().penalty("none").crossStitch(true))
                .getLayer("shared/stitch_1/unit").getParam("alpha");
        assertThat(uniform).isEqualTo(auto);
        assertThat(uniform.getDouble(0, 0)).isCloseTo(0.9, within(1e-6));
    }

    /**
     * An LSTM's input weights follow the choice, read at every time step or (wrapped) at the last;
     * its recurrent weights keep the component's start (DL4J would otherwise draw them alike).
     */
    @ParameterizedTest
    @ValueSource(strings = {"max", "last"})
    void anLstmsInputWeightsFollowTheChoiceAndItsRecurrentWeightsKeepTheirs(String pooling) {
        Layer lstm = lstm(pooling, "uniform");
        INDArray w = lstm.getParam("W");
        INDArray rw = lstm.getParam("RW");
        assertThat(w.amaxNumber().doubleValue()).isLessThanOrEqualTo(1 / Math.sqrt(w.size(0)));
        // the component's start for the recurrent weights: a normal spread, not bounded by U(±1/√64)
        double auto = lstm(pooling, "auto").getParam("RW").stdNumber().doubleValue();
        assertThat(rw.stdNumber().doubleValue()).isCloseTo(auto, within(0.05 * auto));
        assertThat(rw.amaxNumber().doubleValue()).isGreaterThan(2 / Math.sqrt(rw.size(0)));
    }

    private static Layer lstm(String pooling, String init) {
        PipelineSpec spec = Mtl.pipeline("lstm-init")
                .data(Data.csv(Repository.file("examples/data/fine_food_reviews.csv").toString()).text("review")
                        .splitColumn("split"))
                .encoder(Component.of("embedding").param("body", "lstm").param("maxLength", 20).param("dimension", 8)
                        .param("units", 64).param("pooling", pooling))
                .task("score", Heads.binary())
                .training(t -> t.epochs(1).seed(42).init(init))
                .build();
        ComputationGraph graph = runtime.prepare(spec, Path.of("")).network().graph();
        return Arrays.stream(graph.getLayers()).filter(l -> l.getParam("RW") != null).findFirst().orElseThrow();
    }

    @Test
    void aNetworkStartedUniformLearnsAndTheChoiceIsSavedWithTheModel(@org.junit.jupiter.api.io.TempDir Path dir) {
        TrainingResult result = runtime.train(digits("uniform", Sharing.attention("mmoe").experts(2)));
        assertThat(result.metric("test", "digit", "accuracy")).isGreaterThanOrEqualTo(0.83);
        assertThat(result.metric("test", "parity", "accuracy")).isGreaterThanOrEqualTo(0.90);

        Path file = dir.resolve("model.zip");
        runtime.save(result.model(), file);
        assertThat(runtime.load(file).spec().training().init()).isEqualTo("uniform");
    }
}
