package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfer pipeline files: YAML = DSL, spec → YAML → spec, and telling the two formats apart. */
final class TransferPipelineYamlTest {
    private final PipelineYamlReader reader = new PipelineYamlReader(new TestCatalog());
    private final PipelineYamlWriter writer = new PipelineYamlWriter();

    static final String INCOME_TRANSFER = """
            pipeline: income-transfer
            transfer:
              from: ../../runs/income-pretrain/model.zip    # a path, kept as written
              strategy: { type: fine-tune, lr: 1.0e-4, freeze: 1, decay: 0.5 }
              keep: [MARITAL.STATUS]
            data:
              source: { type: csv, path: ../data/income_marketing.csv }
              split: { test: 0.2, validation: 0.1, seed: 7, limit: 300 }
            tasks:
              INCOME: { head: { type: classification, classes: 9 }, weight: 0.5 }
            training: { epochs: 30, batchSize: 32, optimizer: { type: adam, lr: 1.0e-3 }, seed: 1,
                        earlyStopping: { task: INCOME, metric: accuracy, patience: 3 } }
            """;

    private TransferPipelineSpec roundTrip(TransferPipelineSpec spec) {
        return reader.readTransfer(writer.write(spec), "written.yaml");
    }

    @Test
    void readsTheSameTransferPipelineTheDslBuilds() {
        TransferPipelineSpec expected = Mtl.transfer("income-transfer", "../../runs/income-pretrain/model.zip")
                .strategy(Transfers.fineTune().lr(1e-4).freeze(1).decay(0.5))
                .keep("MARITAL.STATUS")
                .data(Data.csv("../data/income_marketing.csv").split(0.2, 7).validation(0.1).limit(300))
                .task("INCOME", Heads.classification(9), 0.5)
                .training(t -> t.epochs(30).batchSize(32).adam(1e-3).seed(1).earlyStopping("INCOME", "accuracy", 3))
                .build();

        assertThat(reader.readTransfer(INCOME_TRANSFER, "income-transfer.yaml")).isEqualTo(expected);
    }

    @Test
    void optionalSectionsTakeTheSpecDefaults() {
        TransferPipelineSpec spec = reader.readTransfer("""
                pipeline: keep-only
                transfer: { from: model.zip, strategy: { type: feature-extraction }, keep: [A] }
                data: { source: { type: csv, path: d.csv } }
                """, "t.yaml");

        assertThat(spec.tasks()).isEmpty();
        assertThat(spec.data().split()).isEqualTo(SplitSpec.defaults());
        assertThat(spec.training()).isEqualTo(TrainingSpec.defaults());
        assertThat(spec.transfer().keep()).containsExactly("A");
    }

    @Test
    void fineTuneWithKeptTaskLimitAndEarlyStoppingSurvivesARoundTrip() {
        TransferPipelineSpec spec = Mtl.transfer("income-transfer", "../../runs/income-pretrain/model.zip")
                .strategy(Transfers.fineTune().lr(1e-4).freeze(1).decay(0.5))
                .keep("A")
                .data(Data.csv("x.csv").split(0.2, 7).validation(0.1).limit(300))
                .task("B", Heads.classification(3), 0.5)
                .training(t -> t.epochs(5).batchSize(16).sgd(0.01, 0.9).seed(3).shuffle(false)
                        .earlyStopping("B", "accuracy", 2))
                .build();

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }

    @Test
    void featureExtractionWithOnlyNewTasksSurvivesARoundTrip() {
        TransferPipelineSpec spec = Mtl.transfer("fx", "model.zip")
                .strategy(Transfers.featureExtraction())
                .data(Data.csv("new.csv").option("delimiter", ";").splitColumn("split"))
                .task("B", Heads.binary())
                .task("C", Heads.regression(2).loss("mae"), 1e-4)
                .build();

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }

    @Test
    void gradualUnfreezingWithOnlyKeptTasksSurvivesARoundTrip() {
        TransferPipelineSpec spec = Mtl.transfer("gu", "/abs/path with spaces/model.zip")
                .strategy(Transfers.gradualUnfreezing().lr(3e-4).every(2))
                .keep("A", "true", "2024")
                .data(Data.from(Component.of("csv").param("path", "d.csv").param("missing", List.of("", "NA"))))
                .build();

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }

    @Test
    void writesTheCanonicalFormWithEveryDefault() {
        TransferPipelineSpec spec = Mtl.transfer("t", "model.zip")
                .strategy(Transfers.featureExtraction())
                .data(Data.csv("d.csv"))
                .task("y", Heads.classification(3))
                .build();

        assertThat(writer.write(spec)).isEqualTo("""
                pipeline: t
                transfer:
                  from: model.zip
                  strategy: {type: feature-extraction}
                  keep: []
                data:
                  source: {type: csv, path: d.csv}
                  split: {test: 0.2, validation: 0.0, seed: 42, limit: 0}
                tasks:
                  y:
                    head: {type: classification, classes: 3}
                    weight: 1.0
                    labels: [y]
                training:
                  epochs: 10
                  batchSize: 64
                  optimizer: {type: adam, lr: 0.001, momentum: 0.0, weightDecay: 0.0}
                  seed: 42
                  shuffle: true
                """);
    }

    @Test
    void kindTellsTheTwoFormatsApart(@TempDir Path dir) throws Exception {
        Path transfer = dir.resolve("transfer.yaml");
        Files.writeString(transfer, INCOME_TRANSFER, StandardCharsets.UTF_8);
        Path pipeline = dir.resolve("pipeline.yaml");
        Files.writeString(pipeline, PipelineYamlReaderTest.INCOME, StandardCharsets.UTF_8);

        assertThat(reader.kind(transfer)).isEqualTo(PipelineYamlReader.Kind.TRANSFER);
        assertThat(reader.kind(pipeline)).isEqualTo(PipelineYamlReader.Kind.PIPELINE);
        assertThat(reader.readTransfer(transfer).name()).isEqualTo("income-transfer");
    }

    @Test
    void kindOfABrokenFileIsAPipelineAndNeverThrows(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nowhere.yaml");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "transfer: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(reader.kind(missing)).isEqualTo(PipelineYamlReader.Kind.PIPELINE);
        assertThat(reader.kind(latin1)).isEqualTo(PipelineYamlReader.Kind.PIPELINE);
        assertThat(reader.kind("transfer: [unclosed\n")).isEqualTo(PipelineYamlReader.Kind.PIPELINE);
        assertThat(reader.kind("- transfer: x\n")).isEqualTo(PipelineYamlReader.Kind.PIPELINE);
        assertThat(reader.kind("")).isEqualTo(PipelineYamlReader.Kind.PIPELINE);
        // Otherwise invalid, but recognisably a transfer pipeline: reading it says what is wrong.
        assertThat(reader.kind("transfer: 3\nencoder: !!java.net.URL x\n")).isEqualTo(PipelineYamlReader.Kind.TRANSFER);
    }
}
