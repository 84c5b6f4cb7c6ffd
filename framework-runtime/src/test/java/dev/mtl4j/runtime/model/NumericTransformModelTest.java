package dev.mtl4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.NumericTransform;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numeric transforms from a YAML file to a saved model: the file reads as the DSL's spec, the network
 * learns the wine cultivars through quantile- and log-transformed inputs, and the loaded model
 * encodes new rows with the transforms fitted in training (equal predictions and metrics).
 */
final class NumericTransformModelTest {
    private static final Path WINE = Repository.file("examples/data/wine.csv");

    @TempDir
    Path dir;

    @Test
    void aModelWithTransformsLearnsSavesAndPredictsAlike() throws IOException {
        Path file = dir.resolve("wine.yaml");
        Files.writeString(file, "pipeline: wine\n"
                + "data:\n"
                + "  source: { type: csv, path: " + WINE + " }\n"
                + "  features:\n"
                + "    \"*\": { type: numeric, transform: quantile }\n"
                + "    proline: { type: numeric, transform: log }\n"
                + "    magnesium: { type: numeric, transform: robust }\n"
                + "    alcohol: numeric\n"
                + "  split: { test: 0.3, seed: 7 }\n"
                + "encoder: { type: mlp, hidden: [16] }\n"
                + "tasks: { cultivar: { head: { type: classification, classes: 3 } } }\n"
                + "training: { epochs: 15, batchSize: 16, optimizer: { type: adam, lr: 0.01 }, seed: 3 }\n");
        MtlRuntime runtime = MtlRuntime.create();
        PipelineSpec spec = runtime.loadPipeline(file);
        PipelineSpec dsl = Mtl.pipeline("wine")
                .data(Data.csv(WINE.toString()).numeric(NumericTransform.QUANTILE, "*").numeric(NumericTransform.LOG, "proline")
                        .numeric(NumericTransform.ROBUST, "magnesium").numeric("alcohol").split(0.3, 7))
                .encoder(Encoders.mlp().hidden(16)).task("cultivar", Heads.classification(3))
                .training(t -> t.epochs(15).batchSize(16).adam(0.01).seed(3)).build();
        assertThat(spec).isEqualTo(dsl);
        Files.writeString(dir.resolve("written.yaml"), new PipelineYamlWriter().write(spec));
        assertThat(runtime.loadPipeline(dir.resolve("written.yaml"))).isEqualTo(spec);

        TrainingResult trained = runtime.train(spec);
        assertThat(trained.metric("test", "cultivar", "accuracy")).isGreaterThan(0.9);

        Path saved = dir.resolve("model.zip");
        runtime.save(trained.model(), saved);
        TrainedModel loaded = runtime.load(saved);
        assertThat(loaded.spec()).isEqualTo(spec);
        assertThat(loaded.preprocessor().toState()).isEqualTo(trained.model().preprocessor().toState());
        Predictions before = runtime.predict(trained.model(), WINE);
        assertThat(runtime.predict(loaded, WINE)).isEqualTo(before);
        assertThat(runtime.evaluate(loaded, WINE)).isEqualTo(runtime.evaluate(trained.model(), WINE));
    }
}
