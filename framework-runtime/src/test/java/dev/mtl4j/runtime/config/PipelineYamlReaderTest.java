package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PipelineYamlReaderTest {
    private final PipelineYamlReader reader = new PipelineYamlReader(new TestCatalog());

    static final String INCOME = """
            pipeline: income                      # PipelineSpec.name
            data:
              source: { type: csv, path: ../data/income_marketing.csv }
              features:
                "*": categorical
                AGE: { type: ordinal, levels: ["14-17", "18-24"] }
              drop: [DUAL.INCOMES]
              split: { test: 0.2, validation: 0.1, seed: 7 }
              unseen: other
            encoder: { type: mlp, hidden: [64, 64], activation: relu }
            sharing: { type: hard }
            tasks:
              INCOME:
                head: { type: classification, classes: 9 }
                weight: 0.5
              HOUSEHOLD:
                head: { type: regression }
                label: HOUSEHOLD.SIZE
            training:
              epochs: 20
              batchSize: 64
              optimizer: { type: sgd, lr: 1.0e-3, momentum: 0.9, weightDecay: 0.0001 }
              seed: 42
              shuffle: false
              earlyStopping: { task: INCOME, metric: accuracy, patience: 3 }
            """;

    @Test
    void aNumberWithAnExponentButNoDotIsANumber() {
        // YAML 1.1 would read 1e-3 as text, and "expected a number, got '1e-3'" would puzzle anyone.
        PipelineSpec spec = reader.read(INCOME.replace("lr: 1.0e-3", "lr: 1e-3").replace("weightDecay: 0.0001", "weightDecay: 1E-4"),
                "income.yaml");
        assertThat(spec.training().optimizer().learningRate()).isEqualTo(1e-3);
        assertThat(spec.training().optimizer().weightDecay()).isEqualTo(1e-4);
    }

    @Test
    void readsTheSamePipelineTheDslBuilds() {
        PipelineSpec expected = Mtl.pipeline("income")
                .data(Data.csv("../data/income_marketing.csv").categorical("*").ordinal("AGE", "14-17", "18-24")
                        .drop("DUAL.INCOMES").split(0.2, 7).validation(0.1).unseen(UnseenCategory.OTHER))
                .encoder(Encoders.mlp().hidden(64, 64).activation("relu"))
                .sharing(Sharing.hard())
                .task("INCOME", Heads.classification(9)).weight(0.5)
                .task("HOUSEHOLD", Heads.regression()).labels("HOUSEHOLD.SIZE")
                .training(t -> t.epochs(20).batchSize(64).sgd(1e-3, 0.9).weightDecay(1e-4).seed(42).shuffle(false)
                        .earlyStopping("INCOME", "accuracy", 3))
                .build();

        assertThat(reader.read(INCOME, "income.yaml")).isEqualTo(expected);
    }

    @Test
    void optionalSectionsTakeTheSpecDefaults() {
        PipelineSpec spec = reader.read("""
                pipeline: minimal
                data: { source: { type: csv, path: d.csv }, features: { "px*": numeric } }
                encoder: { type: mlp, hidden: [8] }
                tasks: { digit: { head: { type: classification } } }
                """, "minimal.yaml");

        assertThat(spec.sharing().type()).isEqualTo("hard");
        assertThat(spec.training()).isEqualTo(TrainingSpec.defaults());
        assertThat(spec.data().split()).isEqualTo(SplitSpec.defaults());
        assertThat(spec.data().unseen()).isEqualTo(UnseenCategory.ERROR);
        assertThat(spec.tasks().get(0).weight()).isEqualTo(1.0);
        assertThat(spec.tasks().get(0).labels()).containsExactly("digit");
    }

    @Test
    void partialSectionsKeepTheirOtherDefaults() {
        PipelineSpec spec = reader.read("""
                pipeline: p
                data:
                  source: { type: csv, path: d.csv }
                  features: { x: numeric }
                  split: { column: split, validation: 0.1, limit: 200 }
                encoder: { type: mlp, hidden: [8] }
                tasks: { y: { head: { type: binary } } }
                training: { epochs: 3, optimizer: { lr: 0.01 }, earlyStopping: { metric: loss, patience: 2 } }
                """, "p.yaml");

        assertThat(spec.data().split()).isEqualTo(SplitSpec.byColumn("split").withValidation(0.1).withLimit(200));
        assertThat(spec.training().optimizer()).isEqualTo(OptimizerSpec.adam(0.01));
        assertThat(spec.training().batchSize()).isEqualTo(TrainingSpec.DEFAULT_BATCH_SIZE);
        assertThat(spec.training().earlyStopping().task()).isNull();
    }

    @Test
    void componentParamsKeepTheirYamlTypes() {
        PipelineSpec spec = reader.read("""
                pipeline: p
                data: { source: { type: csv, path: d.csv, missing: ["", NA, 2024] }, features: { x: numeric } }
                encoder: { type: mlp, hidden: [8, 0x10], dropout: 0.25, activation: tanh }
                tasks: { y: { head: { type: regression, outputs: 1, loss: mae } } }
                """, "p.yaml");

        assertThat(spec.encoder().params()).isEqualTo(Map.of("hidden", List.of(8, 16), "dropout", 0.25, "activation", "tanh"));
        assertThat(spec.data().source().params().get("missing")).isEqualTo(List.of("", "NA", 2024));
        assertThat(spec.tasks().get(0).head().params()).containsEntry("outputs", 1);
    }

    @Test
    void datesAndMergeKeysStayPlainText() {
        PipelineSpec spec = reader.read("""
                pipeline: 2024-01-31
                data: { source: { type: csv, path: d.csv }, features: { x: numeric } }
                encoder: { type: mlp, hidden: [8] }
                tasks: { y: { head: { type: binary } } }
                """, "p.yaml");

        assertThat(spec.name()).isEqualTo("2024-01-31");
    }

    @Test
    void readsAFileAndSkipsAByteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("income.yaml");
        Files.writeString(file, "\uFEFF" + INCOME, StandardCharsets.UTF_8);

        assertThat(reader.read(file).name()).isEqualTo("income");
    }
}
