package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks with their own data on the command line: train writes per-task metrics measured on each
 * task's own test split; eval takes each task's file; a missing task file points at its line; the
 * samplers are listed and described like every other component.
 */
final class TaskDataCommandTest {
    @TempDir
    Path dir;

    private Path pipeline(String parityFile) throws IOException {
        Path file = dir.resolve("own.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: own",
                "data:",
                "  features: { \"px*\": numeric }",
                "encoder: { type: mlp, hidden: [32] }",
                "tasks:",
                "  digit:",
                "    head: { type: classification }",
                "    data: { source: { type: csv, path: " + Repository.file("examples/data/digits_digit_1200.csv") + " } }",
                "  parity:",
                "    head: { type: classification }",
                "    data:",
                "      source: { type: csv, path: " + parityFile + " }",
                "      split: { test: 0.25, seed: 3 }",
                "training: { epochs: 3, batchSize: 32, optimizer: { lr: 3.0e-3 }, sampler: { type: round-robin } }",
                ""));
        return file;
    }

    @Test
    void trainThenEvalEachTaskOnItsOwnFile() throws IOException {
        Path parity = Repository.file("examples/data/digits_parity_300.csv");
        Path out = dir.resolve("run");
        CliRun train = CliRun.of("train", pipeline(parity.toString()).toString(), "--out", out.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("rows 1185 train / 0 validation / 315 test");
        assertThat(train.out()).containsPattern("test +digit +0\\.[89]").containsPattern("test +parity +0\\.[89]");
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("\"parity\"").contains("\"test\"");

        Path json = dir.resolve("eval.json");
        CliRun eval = CliRun.of("eval", out.resolve("model.zip").toString(),
                Repository.file("examples/data/digits_digit_1200.csv").toString(), parity.toString(), "--json", json.toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).containsPattern("digits_digit_1200.csv +digit +0\\.[89]")
                .containsPattern("digits_parity_300.csv +parity +0\\.[89]")
                .doesNotContainPattern("digits_digit_1200.csv +parity");
        assertThat(Files.readString(json)).contains("\"digits_parity_300.csv\": {\n    \"parity\"");

        CliRun predict = CliRun.of("predict", out.resolve("model.zip").toString(), parity.toString(), "--out",
                dir.resolve("p.csv").toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("p.csv"))).hasSize(301).first().isEqualTo("digit,digit.probability,parity,parity.probability");
    }

    @Test
    void aMissingTaskFileIsReportedAtItsKeysLine() throws IOException {
        Path file = pipeline("nowhere/parity.csv");
        CliRun run = CliRun.of("train", file.toString(), "--out", dir.resolve("run").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("error: " + file + ":12:34: tasks.parity.data.source.path: data file not found: "
                + dir.resolve("nowhere/parity.csv"));
    }

    @Test
    void samplersAreListedAndDescribed() {
        CliRun plugins = CliRun.of("plugins");
        assertThat(plugins.out()).contains("task samplers:").containsPattern("temperature +mtl4j-plugin-sampling");
        CliRun describe = CliRun.of("describe", "temperature");
        assertThat(describe.exitCode()).isZero();
        assertThat(describe.out()).contains("temperature (task sampler, from").contains("default 2.0");
    }
}
