package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mtl transfer: from a model trained by mtl train, with the from-scratch baseline side by side. */
final class TransferCommandTest {
    @TempDir
    Path dir;

    @Test
    void transferWithBaselineWritesModelMetricsAndAVerdict() throws IOException {
        Path source = dir.resolve("source.yaml");
        Files.writeString(source, String.join("\n",
                "pipeline: source",
                "data:",
                "  source: { type: csv, path: " + Repository.file("examples/data/digits_0to4.csv") + " }",
                "  features: { \"px*\": numeric }",
                "encoder: { type: mlp, hidden: [32] }",
                "tasks:",
                "  digit: { head: { type: classification } }",
                "training: { epochs: 3, seed: 1 }",
                ""));
        assertThat(CliRun.of("train", source.toString(), "--out", dir.resolve("source").toString()).exitCode()).isZero();

        Path transfer = dir.resolve("transfer.yaml");
        Files.writeString(transfer, String.join("\n",
                "pipeline: transfer",
                "transfer:",
                "  from: source/model.zip",
                "  strategy: { type: feature-extraction }",
                "data:",
                "  source: { type: csv, path: " + Repository.file("examples/data/digits_5to9.csv") + " }",
                "  split: { test: 0.5, seed: 7, limit: 60 }",
                "tasks:",
                "  digit: { head: { type: classification, classes: 5 } }",
                "training: { epochs: 3, seed: 1 }",
                ""));
        Path out = dir.resolve("transferred");
        CliRun run = CliRun.of("transfer", transfer.toString(), "--baseline", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("model.zip")).isRegularFile();
        assertThat(out.resolve("metrics.json")).isRegularFile();
        assertThat(out.resolve("baseline-metrics.json")).isRegularFile();
        // the history of both, the comparison (every metric, a verdict) and the report
        assertThat(out.resolve("history.json")).isRegularFile();
        assertThat(out.resolve("baseline-history.json")).isRegularFile();
        assertThat(Files.readString(out.resolve("transfer-comparison.json"))).contains("\"metric\" : \"log-loss\"", "\"verdict\"");
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(run.out()).contains("transfer vs from scratch").containsPattern("digit: (transfer helped|transfer hurt|no clear difference)");

        CliRun wrongCommand = CliRun.of("train", transfer.toString());
        assertThat(wrongCommand.exitCode()).isEqualTo(2);
        assertThat(wrongCommand.err()).contains("this is a transfer pipeline; run it with `mtl transfer`");
    }
}
