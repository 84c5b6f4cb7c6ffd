package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PipelineYamlWriterTest {
    private final PipelineYamlReader reader = new PipelineYamlReader(new TestCatalog());
    private final PipelineYamlWriter writer = new PipelineYamlWriter();

    private PipelineSpec roundTrip(PipelineSpec spec) {
        return reader.read(writer.write(spec), "written.yaml");
    }

    @Test
    void classificationWithOrdinalFeaturesAndEarlyStoppingOnATask() {
        PipelineSpec spec = Mtl.pipeline("income")
                .data(Data.csv("../data/income_marketing.csv").categorical("*").ordinal("AGE", "14-17", "18-24", "65+")
                        .drop("DUAL.INCOMES").split(0.2, 7).validation(0.1).limit(500))
                .encoder(Encoders.mlp().hidden(64, 64).activation("relu").dropout(0.25))
                .task("INCOME", Heads.classification(9).hidden(16)).weight(0.5)
                .task("SEX", Heads.binary()).weight(0.0)
                .training(t -> t.epochs(20).batchSize(32).adam(1e-3).seed(7).earlyStopping("INCOME", "accuracy", 3))
                .build();

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }

    @Test
    void multilabelAndRegressionWithSplitColumnSgdAndEarlyStoppingOnLoss() {
        PipelineSpec spec = Mtl.pipeline("yes")
                .data(Data.csv("data/digits.csv").option("delimiter", ";").option("missing", List.of("", "NA", "null"))
                        .numeric("px*").categorical("true", "2024").splitColumn("split").validation(0.15)
                        .unseen(UnseenCategory.OTHER))
                .encoder(Encoders.mlp().hidden(256, 128).activation("tanh"))
                .sharing(Sharing.hard())
                .task("tags", Heads.multilabel()).labels("tag_a", "tag_b", "tag: c")
                .task("ink", Heads.regression(2).loss("mae")).labels("ink_x", "ink_y").weight(1e-4)
                .training(t -> t.epochs(1).batchSize(1).sgd(0.05, 0.9).weightDecay(5e-4).seed(-3)
                        .shuffle(false).earlyStoppingOnLoss(2).init("uniform"))
                .build();

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }

    @Test
    void defaultsAndThirdPartyParametersSurvive() {
        PipelineSpec spec = Mtl.pipeline("digits")
                .data(Data.csv("d.csv").numeric("*"))
                .encoder(Component.of("mlp").param("hidden", List.of(8)).param("dropout", 0.0))
                .task("digit", Heads.classification())
                .build();

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }

    @Test
    void writesTheCanonicalFormWithEveryDefault() {
        PipelineSpec spec = Mtl.pipeline("digits")
                .data(Data.csv("d.csv").numeric("*"))
                .encoder(Encoders.mlp().hidden(8))
                .task("digit", Heads.classification(10))
                .build();

        assertThat(writer.write(spec)).isEqualTo("""
                pipeline: digits
                data:
                  source: {type: csv, path: d.csv}
                  features: {'*': numeric}
                  drop: []
                  split: {test: 0.2, validation: 0.0, seed: 42, limit: 0}
                  unseen: error
                encoder:
                  type: mlp
                  hidden: [8]
                sharing: {type: hard}
                tasks:
                  digit:
                    head: {type: classification, classes: 10}
                    weight: 1.0
                    labels: [digit]
                training:
                  epochs: 10
                  batchSize: 64
                  optimizer: {type: adam, lr: 0.001, momentum: 0.0, weightDecay: 0.0}
                  seed: 42
                  shuffle: true
                """);
    }

    @Test
    void stringsYamlWouldMisreadAreQuoted() {
        String[] tricky = {"null", "~", "0x10", "1_000", "on", "No", ".inf", "-", "#x", "a #b", " lead", "[x]", "{y}",
            "&a", "*b", "!c", "%d", "@e", "`f", "it's", "say \"hi\"", "tab\there", "line\nbreak", "1.0e-3", "ünï"};
        PipelineSpec spec = Mtl.pipeline("true")
                .data(Data.csv("null").numeric(tricky).drop("2024-01-31", "<<", "=", "?"))
                .encoder(Encoders.mlp().hidden(8).activation("relu"))
                .task("1.5", Heads.classification()).labels("false")
                .build();

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }
}
