package dev.mtl4j.runtime.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Transfer from a model trained on digits 0-4 to digits 5-9, by each strategy. */
final class TransferTest {
    private static final String BOTTOM = "shared/encoder/dense_0";
    private static final String TOP = "shared/encoder/dense_1";

    @TempDir
    static Path dir;

    private static MtlRuntime runtime;
    private static Path source;
    private static ComputationGraph sourceGraph;

    @BeforeAll
    static void pretrain() {
        runtime = MtlRuntime.create();
        TrainingResult result = runtime.train(Mtl.pipeline("digits-0to4")
                .data(Data.csv(Repository.file("examples/data/digits_0to4.csv").toString()).numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(64, 32))
                .task("digit", Heads.classification(5)).weight(0.7)
                .task("parity", Heads.classification(2)).weight(0.3)
                .training(t -> t.epochs(5).seed(42))
                .build());
        source = dir.resolve("source.zip");
        runtime.save(result.model(), source);
        sourceGraph = result.model().graph();
    }

    private static TransferPipelineSpec spec(ComponentSource strategy, int epochs, String... keep) {
        return Mtl.transfer("to-5to9", source.toString())
                .strategy(strategy)
                .keep(keep)
                .data(Data.csv(Repository.file("examples/data/digits_5to9.csv").toString()).split(0.5, 7).limit(100))
                .task("digit", Heads.classification(5), 1.0)
                .training(t -> t.epochs(epochs).batchSize(32).seed(3))
                .build();
    }

    private static TransferPipelineSpec specWithLabel(String label) {
        return new TransferPipelineSpec("bad", spec(Transfers.featureExtraction(), 1).transfer(),
                spec(Transfers.featureExtraction(), 1).data(),
                List.of(new dev.mtl4j.api.spec.TaskSpec("t", Heads.classification().toSpec(), 1, List.of(label))), null);
    }

    private static TransferResult run(TransferPipelineSpec spec, boolean baseline) {
        return runtime.transfer(spec, Path.of("").toAbsolutePath(), TrainingListener.SILENT, baseline);
    }

    private static INDArray params(ComputationGraph graph, String layer) {
        return graph.getLayer(layer).params();
    }

    @Test
    void featureExtractionLeavesTheEncoderBitIdenticalAndTrainsTheHead() {
        // The label column of the new task is "digit" in the file; name the task after it.
        TransferResult result = run(Mtl.transfer("fe", source.toString()).strategy(Transfers.featureExtraction())
                .data(Data.csv(Repository.file("examples/data/digits_5to9.csv").toString()).split(0.5, 7).limit(100))
                .task("digit", Heads.classification(5)).training(t -> t.epochs(30).batchSize(16).adam(3e-3).seed(3)).build(), true);

        ComputationGraph trained = result.transferred().model().graph();
        assertThat(params(trained, BOTTOM)).isEqualTo(params(sourceGraph, BOTTOM));
        assertThat(params(trained, TOP)).isEqualTo(params(sourceGraph, TOP));
        assertThat(result.transferred().metric("test", "digit", "accuracy")).isGreaterThan(0.5);
        assertThat(result.baseline().metric("test", "digit", "accuracy")).isGreaterThan(0.5);
        assertThat(params(result.baseline().model().graph(), BOTTOM)).isNotEqualTo(params(sourceGraph, BOTTOM));
    }

    @Test
    void fineTuneWithTheBottomLayerFrozenTrainsOnlyTheTop() {
        TransferResult result = run(Mtl.transfer("ft", source.toString()).strategy(Transfers.fineTune().freeze(1).lr(1e-3))
                .data(Data.csv(Repository.file("examples/data/digits_5to9.csv").toString()).split(0.5, 7).limit(100))
                .task("digit", Heads.classification(5)).training(t -> t.epochs(3).seed(3)).build(), false);

        ComputationGraph trained = result.transferred().model().graph();
        assertThat(params(trained, BOTTOM)).isEqualTo(params(sourceGraph, BOTTOM));
        assertThat(params(trained, TOP)).isNotEqualTo(params(sourceGraph, TOP));
        assertThat(result.baseline()).isNull();
    }

    @Test
    void fineTuneFreezesANamedLayer() {
        TransferResult result = run(Mtl.transfer("named", source.toString()).strategy(Transfers.fineTune().frozen("dense_1"))
                .data(Data.csv(Repository.file("examples/data/digits_5to9.csv").toString()).split(0.5, 7).limit(100))
                .task("digit", Heads.classification(5)).training(t -> t.epochs(2).seed(3)).build(), false);

        ComputationGraph trained = result.transferred().model().graph();
        assertThat(params(trained, TOP)).isEqualTo(params(sourceGraph, TOP));
        assertThat(params(trained, BOTTOM)).isNotEqualTo(params(sourceGraph, BOTTOM));
    }

    @Test
    void gradualUnfreezingTrainsTheHeadFirstThenTheTopLayer() {
        ComponentSource strategy = Transfers.gradualUnfreezing().every(1);
        ComputationGraph oneEpoch = transferDigits(strategy, 1);
        assertThat(params(oneEpoch, TOP)).isEqualTo(params(sourceGraph, TOP));
        assertThat(params(oneEpoch, BOTTOM)).isEqualTo(params(sourceGraph, BOTTOM));

        ComputationGraph twoEpochs = transferDigits(strategy, 2);
        assertThat(params(twoEpochs, TOP)).isNotEqualTo(params(sourceGraph, TOP));
        assertThat(params(twoEpochs, BOTTOM)).isEqualTo(params(sourceGraph, BOTTOM));

        ComputationGraph threeEpochs = transferDigits(strategy, 3);
        assertThat(params(threeEpochs, BOTTOM)).isNotEqualTo(params(sourceGraph, BOTTOM));
    }

    private static ComputationGraph transferDigits(ComponentSource strategy, int epochs) {
        return run(Mtl.transfer("gu", source.toString()).strategy(strategy)
                .data(Data.csv(Repository.file("examples/data/digits_5to9.csv").toString()).split(0.5, 7).limit(100))
                .task("digit", Heads.classification(5)).training(t -> t.epochs(epochs).seed(3)).build(), false)
                .transferred().model().graph();
    }

    @Test
    void keptSourceTasksComeAlongWithTheirHeads() {
        TransferResult result = run(Mtl.transfer("keep", source.toString()).strategy(Transfers.featureExtraction())
                .keep("parity")
                .data(Data.csv(Repository.file("examples/data/digits_5to9.csv").toString()).split(0.5, 7).limit(100))
                .task("digit", Heads.classification(5)).training(t -> t.epochs(2).seed(3)).build(), false);

        assertThat(result.transferred().model().spec().tasks()).extracting(t -> t.name()).containsExactly("parity", "digit");
        assertThat(result.transferred().metrics().get("test")).containsKeys("parity", "digit");
        assertThat(params(result.transferred().model().graph(), "task/parity/output"))
                .isNotEqualTo(params(sourceGraph, "task/parity/output"));
    }

    @Test
    void aTransferredModelSavesLoadsAndPredictsTheSame() {
        TransferResult result = run(Mtl.transfer("save", source.toString()).strategy(Transfers.fineTune())
                .data(Data.csv(Repository.file("examples/data/digits_5to9.csv").toString()).split(0.5, 7).limit(100))
                .task("digit", Heads.classification(5)).training(t -> t.epochs(2).seed(3)).build(), false);
        Path file = dir.resolve("transferred.zip");
        runtime.save(result.transferred().model(), file);
        TrainedModel loaded = runtime.load(file);

        Path data = Repository.file("examples/data/digits_5to9.csv");
        Predictions before = runtime.predict(result.transferred().model(), data);
        assertThat(runtime.predict(loaded, data)).isEqualTo(before);
        assertThat(loaded.provenance().dataFiles()).extracting(f -> f.get("file")).containsExactly("digits_5to9.csv", "source.zip");
    }

    @Test
    void newDataWithoutAFeatureColumnOfTheSourceIsAnErrorNamingIt() throws IOException {
        List<String> lines = Files.readAllLines(Repository.file("examples/data/digits_5to9.csv"));
        Path lacking = dir.resolve("lacking.csv");
        Files.write(lacking, lines.stream().map(l -> l.substring(l.indexOf(',') + 1)).toList());

        assertThatThrownBy(() -> run(Mtl.transfer("lacking", source.toString()).strategy(Transfers.featureExtraction())
                .data(Data.csv(lacking.toString()).split(0.5, 7)).task("digit", Heads.classification(5)).build(), false))
                .isInstanceOf(MtlException.class)
                .hasMessageContaining("lacking.csv: no column 'px0'")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.DATA_INVALID));
    }

    @Test
    void aNewTaskCannotPredictAnInputOfTheEncoder() {
        assertThatThrownBy(() -> run(specWithLabel("px3"), false))
                .isInstanceOf(MtlException.class)
                .hasMessage("tasks.t.labels: column 'px3' is an input feature of the source model; a task cannot predict what the encoder reads");
    }

    @Test
    void keepingATaskTheSourceDoesNotHaveIsAnError() {
        assertThatThrownBy(() -> run(spec(Transfers.featureExtraction(), 1, "colour"), false))
                .isInstanceOf(MtlException.class)
                .hasMessage("transfer.keep: the source model has no task 'colour'; its tasks are [digit, parity]");
    }

    @Test
    void fineTuneCannotFreezeMoreLayersThanTheEncoderHas() {
        assertThatThrownBy(() -> run(spec(Transfers.fineTune().freeze(3), 1), false))
                .isInstanceOf(MtlException.class)
                .hasMessage("transfer.strategy.freeze: is 3, but the source encoder has 2 layers");
    }
}
