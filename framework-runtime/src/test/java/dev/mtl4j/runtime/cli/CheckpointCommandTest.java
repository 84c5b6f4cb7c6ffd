package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Pipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's side of checkpoints: describe, --resume without a checkpoint, a transfer asking for one. */
final class CheckpointCommandTest {
    @TempDir
    Path dir;

    @Test
    void describeDocumentsTheCheckpointSetting() {
        CliRun run = CliRun.of("describe", "checkpoint");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("checkpoint (pipeline section, at training.checkpoint)\n")
                .containsPattern("every\\s+integer >= 1\\s+required\\s+Epochs between checkpoints");
        assertThat(CliRun.of("describe", "training.checkpoint").out()).isEqualTo(run.out());
    }

    @Test
    void resumeWithoutACheckpointIsRefusedBeforeAnyDataIsRead() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("p.yaml"), String.join("\n",
                "pipeline: p",
                "data: { source: { type: csv, path: " + Pipelines.digitsFile() + " }, features: { \"px*\": numeric } }",
                "encoder: { type: mlp, hidden: [8] }",
                "tasks: { digit: { head: { type: classification } } }",
                "training: { epochs: 2, checkpoint: { every: 1 } }",
                ""));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("train", pipeline.toString(), "--out", out.toString(), "--resume");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: " + out.toAbsolutePath().normalize().resolve("checkpoint.zip")
                + ": no checkpoint to resume from (training.checkpoint: { every: N } makes a run save one every N epochs)");
        assertThat(run.out() + run.err()).doesNotContain("training 'p'");
    }

    @Test
    void aTransferPipelineAskingForCheckpointsIsRefused() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("t.yaml"), String.join("\n",
                "pipeline: t",
                "transfer: { from: source.zip, strategy: { type: fine-tune } }",
                "data: { source: { type: csv, path: " + Pipelines.digitsFile() + " } }",
                "tasks: { digit: { head: { type: classification } } }",
                "training: { epochs: 2, checkpoint: { every: 1 } }",
                ""));
        CliRun run = CliRun.of("transfer", pipeline.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).contains("training.checkpoint: transfer pipelines take no checkpoints yet (mtl train does); remove it");
    }

    @Test
    void aTransferDoesNotReplaceTheCheckpointOfAnUnfinishedRun() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("t.yaml"), String.join("\n",
                "pipeline: t",
                "transfer: { from: source.zip, strategy: { type: fine-tune } }",
                "data: { source: { type: csv, path: " + Pipelines.digitsFile() + " } }",
                "tasks: { digit: { head: { type: classification } } }",
                ""));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("checkpoint.zip"), "hours of training");
        CliRun run = CliRun.of("transfer", pipeline.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: " + out + ": holds the checkpoint of an unfinished run (unreadable); "
                + "go on from it with --resume, or delete " + out.resolve("checkpoint.zip") + " to start over");
        assertThat(Files.readString(out.resolve("checkpoint.zip"))).isEqualTo("hours of training");
    }
}
