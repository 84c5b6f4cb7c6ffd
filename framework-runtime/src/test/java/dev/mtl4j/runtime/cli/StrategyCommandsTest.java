package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mtl train with a strategy: domain adaptation and meta-learning, with their baselines; located errors; describe. */
final class StrategyCommandsTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private Path moons(String target) throws IOException {
        return write("moons.yaml",
                "pipeline: moons",
                "data:",
                "  source: { type: csv, path: " + Repository.file("examples/data/moons_source.csv") + " }",
                "  features: { x1: numeric, x2: numeric }",
                "  target: { source: { type: csv, path: " + target + " } }",
                "encoder: { type: mlp, hidden: [8] }",
                "tasks:",
                "  label: { head: { type: binary } }",
                "strategy: { type: domain-adversarial, hidden: [] }",
                "training: { epochs: 2, seed: 1 }");
    }

    @Test
    void domainAdaptationWritesTheModelAndComparesWithSourceOnlyOnTheTargetRows() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("train", moons(Repository.file("examples/data/moons_target.csv").toString()).toString(),
                "--baseline", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("model.zip")).isRegularFile();
        assertThat(out.resolve("baseline-metrics.json")).isRegularFile();
        assertThat(run.err()).contains("| domain accuracy=");
        assertThat(run.out()).contains("adapted vs source-only")
                .containsPattern("label: adapted (helped|hurt|made no difference)").containsPattern("target +label");
    }

    @Test
    void aTargetFileWithoutTheFeatureColumnsIsALocatedDataError() throws IOException {
        Path target = write("target.csv", "x1,label", "0.1,1", "0.2,0", "0.3,1");
        Path pipeline = moons(target.toString());

        CliRun run = CliRun.of("train", pipeline.toString(), "--out", dir.resolve("bad").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines().filter(line -> line.startsWith("error: ")))
                .singleElement().asString().startsWith("error: " + pipeline + ":5:21: data.target.source: ")
                .contains("lacks the feature column [x2]");
    }

    @Test
    void baselineWithoutAStrategyIsAConfigError() throws IOException {
        Path plain = write("plain.yaml",
                "pipeline: plain",
                "data: { source: { type: csv, path: " + Repository.file("examples/data/moons_source.csv") + " }, features: { x1: numeric } }",
                "encoder: { type: mlp, hidden: [4] }",
                "tasks: { label: { head: { type: binary } } }");

        CliRun run = CliRun.of("train", plain.toString(), "--baseline", "--out", dir.resolve("plain").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--baseline compares a strategy with its baseline");
    }

    @Test
    void metaLearningShowsTheHeldOutTasksAfterEachStepCountBesidePretrainedAndScratch() throws IOException {
        Path pipeline = write("sines.yaml",
                "pipeline: sines",
                "data: { source: { type: csv, path: " + Repository.file("examples/data/sine_waves.csv")
                        + " }, features: { x: numeric }, split: { column: split } }",
                "encoder: { type: mlp, hidden: [16] }",
                "tasks: { y: { head: { type: regression } } }",
                "strategy: { type: fomaml, taskColumn: wave, support: 5, query: 5, innerSteps: 1, metaBatch: 2, outerSteps: 5,"
                        + " evaluateAfter: [0, 2] }",
                "training: { epochs: 1, seed: 1 }");
        Path out = dir.resolve("sines");

        CliRun run = CliRun.of("train", pipeline.toString(), "--baseline", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("pretrained-model.zip")).isRegularFile();
        assertThat(out.resolve("scratch-metrics.json")).isRegularFile();
        assertThat(run.out()).containsPattern("test@0 +y +mse").containsPattern("test@2 +y +mse")
                .contains("meta-learned").contains("pretrained").contains("scratch");
    }

    @Test
    void describeDocumentsTheNewStrategies() {
        CliRun run = CliRun.of("describe", "domain-adversarial");
        CliRun reptile = CliRun.of("describe", "reptile");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("lambda").contains("schedule").contains("ganin");
        assertThat(reptile.out()).contains("taskColumn").contains("innerLr").contains("evaluateAfter");
    }
}
