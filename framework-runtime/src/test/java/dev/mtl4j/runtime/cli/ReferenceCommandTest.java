package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mtl train --reference on the bundled wine data: XGBoost's GBM and linear booster are trained on the
 * same rows and learn (a cultivar is easy to tell from the chemistry; alcohol is partly predictable).
 */
final class ReferenceCommandTest {
    @TempDir
    Path dir;

    @Test
    void referenceModelsLearnOnTheSameSplitAndAreShownBesideTheNetwork() throws IOException {
        Path out = dir.resolve("run");

        CliRun run = CliRun.of("train", Repository.file("examples/pipelines/wine.yaml").toString(), "--out",
                out.toString(), "--reference", "--set", "training.epochs=3", "--no-report");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("the network beside reference models on the test rows")
                .containsPattern("cultivar +accuracy +0\\.\\d{4} +\\d\\.\\d{4} +\\d\\.\\d{4} +(mtl4j|gbm|linear)")
                .containsPattern("alcohol +r2 +-?\\d+\\.\\d{4} +-?\\d\\.\\d{4} +-?\\d\\.\\d{4}");
        JsonNode test = new ObjectMapper().readTree(out.resolve("reference.json").toFile()).get("splits").get("test");
        for (String model : new String[] {"gbm", "linear"}) {
            assertThat(test.get(model).get("cultivar").get("accuracy").asDouble()).as(model).isGreaterThan(0.85);
            assertThat(test.get(model).get("alcohol").get("r2").asDouble()).as(model).isGreaterThan(0.3);
        }
        assertThat(test.get("mtl4j").get("cultivar").has("accuracy")).isTrue();
    }

    @Test
    void theLinearModelFitsALinearTargetAsOrdinaryLeastSquaresWould() throws IOException {
        // ink is the mean of the 64 pixels: exactly linear in the inputs, so a linear model with
        // scikit-learn's light default penalty explains it almost wholly (a penalty scaled by the
        // rows, XGBoost's lambda = 1 on 1,400 rows, halves the slope and loses a quarter of R²)
        Path file = dir.resolve("ink.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: ink",
                "data:",
                "  source: { type: csv, path: " + Pipelines.digitsFile() + " }",
                "  features: { \"px*\": numeric }",
                "  split: { test: 0.2, seed: 7 }",
                "encoder: { type: mlp, hidden: [8] }",
                "tasks:",
                "  ink: { head: { type: regression } }",
                "training: { epochs: 1, seed: 3 }",
                ""));
        Path out = dir.resolve("ink");

        CliRun run = CliRun.of("train", file.toString(), "--out", out.toString(), "--reference", "--no-report");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode test = new ObjectMapper().readTree(out.resolve("reference.json").toFile()).get("splits").get("test");
        assertThat(test.get("linear").get("ink").get("r2").asDouble()).isGreaterThan(0.99);
    }
}
