package dev.mtl4j.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.TrainingListener;
import dev.mtl4j.runtime.transfer.TransferResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The transfer strategies on the transformer's blocks: a model with LoRA on both layers of a
 * {@code depth: 2} MiniLM, trained on 2002's mail subjects, carried to 2003's. The strategies count
 * the blocks that train (the frozen embeddings and the pooling are not layers to them): fine-tune
 * freezes the lower block, gradual unfreezing lets the top block join after the head's epoch, and
 * each block gets its own (discriminative) rate; the pretrained weights never move.
 */
final class TransformerTransferTest {
    private static final String BOTTOM = "shared/encoder/layer_0";
    private static final String TOP = "shared/encoder/layer_1";

    @TempDir
    static Path folder;

    private static MtlRuntime runtime;
    private static Path source;
    private static Path mails2003;
    private static ComputationGraph sourceGraph;

    @BeforeAll
    static void pretrain() throws IOException {
        runtime = MtlRuntime.create();
        Path mails2002 = FirstRows.write("examples/data/spam_period1.csv", folder.resolve("spam-2002.csv"), 160);
        mails2003 = FirstRows.write("examples/data/spam_period2.csv", folder.resolve("spam-2003.csv"), 200);
        TrainingResult result = runtime.train(Mtl.pipeline("spam-2002-lora").data(Data.csv(mails2002.toString()).text("subject").split(0.2, 7))
                .encoder(Component.of("transformer").param("tuning", "lora").param("depth", 2).param("tunedLayers", 2)
                        .param("maxLength", 16).param("loraRank", 4).param("loraAlpha", 8.0))
                .task("is_spam", Heads.binary())
                .training(t -> t.epochs(2).batchSize(16).adam(1e-2).seed(42)).build());
        source = folder.resolve("spam-2002.zip");
        runtime.save(result.model(), source);
        sourceGraph = result.model().graph();
    }

    private static TransferResult transfer(ComponentSource strategy, int epochs) {
        return runtime.transfer(Mtl.transfer("spam-2003", source.toString()).strategy(strategy)
                .data(Data.csv(mails2003.toString()).split(0.2, 7))
                .task("is_spam", Heads.binary())
                .training(t -> t.epochs(epochs).batchSize(16).adam(1e-2).seed(3)).build(), folder, TrainingListener.SILENT, false);
    }

    @Test
    void fineTuneFreezesTheLowerBlockAndTrainsTheTopOnesLora() throws IOException {
        TrainingResult result = transfer(Transfers.fineTune().freeze(1), 2).transferred();
        ComputationGraph trained = result.model().graph();

        assertThat(trained.getLayer(BOTTOM).params()).as("the frozen block").isEqualTo(sourceGraph.getLayer(BOTTOM).params());
        assertThat(param(trained, TOP, "queryLoraB")).as("the top block's LoRA trains")
                .isNotEqualTo(param(sourceGraph, TOP, "queryLoraB"));
        assertThat(param(trained, TOP, "queryW")).as("its pretrained weights do not").isEqualTo(param(sourceGraph, TOP, "queryW"));
        assertThat(trained.getLayer("shared/encoder/frozen").params()).isEqualTo(sourceGraph.getLayer("shared/encoder/frozen").params());
        // 94 of the 200 mails of 2003 are spam: guessing "spam" is right about 0.47 of the time, "not spam" 0.53
        assertThat(result.metric("test", "is_spam", "accuracy")).isGreaterThan(0.7);

        Path file = folder.resolve("spam-2003.zip");
        runtime.save(result.model(), file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("coefficients.bin")).as("a delta file: the pretrained weights are not in it").isNull();
        }
        TrainedModel loaded = runtime.load(file);
        assertThat(runtime.predict(loaded, mails2003)).isEqualTo(runtime.predict(result.model(), mails2003));
    }

    @Test
    void gradualUnfreezingPacesTheBlocksEachAtItsOwnRate() {
        ComputationGraph trained = transfer(Transfers.gradualUnfreezing().every(1).decay(0.5), 2).transferred().model().graph();

        // the head alone in epoch 1, the top block from epoch 2, the lower one from epoch 3 (DL4J counts epochs from 0)
        IUpdater top = updater(trained, TOP);
        IUpdater bottom = updater(trained, BOTTOM);
        assertThat(top.getLearningRate(0, 0)).isZero();
        assertThat(top.getLearningRate(0, 1)).isCloseTo(1e-2, within(1e-12));
        assertThat(bottom.getLearningRate(0, 1)).isZero();
        assertThat(bottom.getLearningRate(0, 2)).as("discriminative: half the top block's rate").isCloseTo(5e-3, within(1e-12));

        assertThat(param(trained, TOP, "queryLoraB")).isNotEqualTo(param(sourceGraph, TOP, "queryLoraB"));
        assertThat(trained.getLayer(BOTTOM).params()).as("not yet unfrozen after two epochs")
                .isEqualTo(sourceGraph.getLayer(BOTTOM).params());
    }

    @Test
    void theStrategiesCountTheBlocksThatTrain() {
        assertThatThrownBy(() -> transfer(Transfers.fineTune().freeze(3), 1))
                .isInstanceOf(MtlException.class)
                .hasMessage("transfer.strategy.freeze: is 3, but the source encoder has 2 layers");
        assertThatThrownBy(() -> transfer(Transfers.fineTune().frozen("pool"), 1))
                .isInstanceOf(MtlException.class)
                .hasMessage("transfer.strategy.frozen: no encoder layer 'pool'; the layers are [shared/encoder/layer_0, shared/encoder/layer_1]");
    }

    private static IUpdater updater(ComputationGraph graph, String layer) {
        LayerVertex vertex = (LayerVertex) graph.getConfiguration().getVertices().get(layer);
        return ((BaseLayer) vertex.getLayerConf().getLayer()).getIUpdater();
    }

    private static org.nd4j.linalg.api.ndarray.INDArray param(ComputationGraph graph, String layer, String name) {
        return graph.getLayer(layer).getParam(name);
    }
}
