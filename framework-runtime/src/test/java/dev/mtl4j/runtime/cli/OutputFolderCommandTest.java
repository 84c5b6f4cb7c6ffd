package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtl train --out DIR}: the folder is checked and locked before training, and gets its results whole. */
final class OutputFolderCommandTest {
    @TempDir
    Path dir;

    private Path pipeline() throws IOException {
        return Files.writeString(dir.resolve("p.yaml"), String.join("\n",
                "pipeline: p",
                "data:",
                "  source: { type: csv, path: " + Pipelines.digitsFile() + " }",
                "  features: { \"px*\": numeric }",
                "encoder: { type: mlp, hidden: [8] }",
                "tasks:",
                "  digit: { head: { type: classification } }",
                "training: { epochs: 1 }",
                ""));
    }

    @Test
    void anUnwritableFolderIsAnErrorBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun run = CliRun.of("train", pipeline().toString(), "--out", file.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
        assertThat(run.err().strip()).startsWith("error: " + file.resolve("out") + ": cannot create the output folder: ")
                .doesNotContain("\n");
        assertThat(run.out() + run.err()).doesNotContain("training 'p'");
    }

    @Test
    void aSecondRunIntoABusyFolderIsRefusedAndTheFirstKeepsItsResults() throws IOException {
        Path out = dir.resolve("out");
        try (OutputFolder busy = OutputFolder.take(out)) {
            CliRun run = CliRun.of("train", pipeline().toString(), "--out", out.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
            assertThat(run.err().strip()).startsWith("error: " + out + ": another mtl run is writing into this folder (pid "
                    + ProcessHandle.current().pid() + ", since ").doesNotContain("\n");
            assertThat(run.out() + run.err()).doesNotContain("training 'p'");
        }
        CliRun run = CliRun.of("train", pipeline().toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(".mtl.lock", "evaluation.json", "history.csv", "history.json", "metrics.json", "model.zip",
                            "report.html");
        }
    }
}
