package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Pipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar of checkpoint and resume, with real processes: {@code mtl train} runs in a child JVM, is
 * killed with SIGKILL once it has written a checkpoint, and {@code mtl train --resume} in another
 * child JVM ends with a metrics.json identical, byte for byte, to that of a third child that trained
 * without interruption. While the first child holds its folder, a second run into it is refused
 * naming the child's pid; after the kill the folder holds no result, only the checkpoint.
 *
 * <p>The pipeline has dropout (ND4J's random generator), Adam, validation metrics and shuffled
 * rows: every kind of state a resumed run must get back. It trains 12 epochs so that the kill,
 * issued as soon as the first checkpoint appears, lands well before the end.
 */
final class KillAndResumeTest {
    private static final long TIMEOUT_SECONDS = 600;

    @TempDir
    Path dir;

    private Path pipeline() throws IOException {
        return Files.writeString(dir.resolve("p.yaml"), String.join("\n",
                "pipeline: kill-and-resume",
                "data:",
                "  source: { type: csv, path: " + Pipelines.digitsFile() + " }",
                "  features: { \"px*\": numeric }",
                "  split: { test: 0.2, validation: 0.1, seed: 7 }",
                "encoder: { type: mlp, hidden: [32], activation: relu, dropout: 0.3 }",
                "tasks:",
                "  digit: { head: { type: classification } }",
                "  ink: { head: { type: regression } }",
                "training:",
                "  epochs: 12",
                "  batchSize: 32",
                "  optimizer: { type: adam, lr: 3.0e-3 }",
                "  seed: 5",
                "  checkpoint: { every: 1 }",
                ""));
    }

    /** {@code mtl ARGS} in a new JVM, on this JVM's class path, its output to a file. */
    private Process mtl(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private int finish(Process process) throws InterruptedException {
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the child finished in time").isTrue();
        return process.exitValue();
    }

    private String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunKilledWithSigkillAndResumedEndsWithTheMetricsOfARunNeverStopped() throws Exception {
        Path pipeline = pipeline();
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        // The uninterrupted run and the run to kill train side by side.
        Process uninterrupted = mtl("whole", "train", pipeline.toString(), "--out", whole.toString());
        Process victim = mtl("victim", "train", pipeline.toString(), "--out", killed.toString());

        Path checkpoint = killed.resolve("checkpoint.zip");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.exists(checkpoint) && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(victim.isAlive()).as("the run is still training when its first checkpoint appears\n" + log("victim")).isTrue();
        // Frozen (SIGSTOP) from here on: a fast machine would otherwise finish all 12 epochs, and write
        // the run's results, while the check below runs; a stopped process still holds its lock.
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(victim.pid())).redirectErrorStream(true).start();
        assertThat(finish(stop)).as("kill -STOP").isZero();

        CliRun second = CliRun.of("train", pipeline.toString(), "--out", killed.toString());
        assertThat(second.exitCode()).isEqualTo(7);
        assertThat(second.err().strip()).startsWith("error: " + killed + ": another mtl run is writing into this folder (pid "
                + victim.pid() + ", since ");

        victim.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertThat(finish(victim)).as("killed by SIGKILL").isEqualTo(128 + 9);
        // A kill that lands while the next checkpoint is being written leaves that write's temporary
        // file beside the kept checkpoint; the next run in the folder removes it (checked at the end).
        List<String> left = names(killed);
        assertThat(left.stream().filter(name -> !name.matches("\\.checkpoint\\.zip-?\\d+\\.tmp")).toList())
                .as("no result of the killed run, its checkpoint kept").containsExactly(".mtl.lock", "checkpoint.zip");

        CliRun fresh = CliRun.of("train", pipeline.toString(), "--out", killed.toString());
        assertThat(fresh.exitCode()).as("a fresh run does not overwrite the unfinished one").isEqualTo(2);
        assertThat(fresh.err().strip()).startsWith("error: " + killed + ": holds the checkpoint of an unfinished run (epoch ")
                .endsWith(" of 12); go on from it with --resume, or delete " + checkpoint + " to start over");

        Process resumed = mtl("resumed", "train", pipeline.toString(), "--out", killed.toString(), "--resume");
        assertThat(finish(resumed)).as(log("resumed")).isZero();
        assertThat(finish(uninterrupted)).as(log("whole")).isZero();
        assertThat(log("resumed")).contains("resuming from " + checkpoint + " (epoch ");

        assertThat(Files.readString(killed.resolve("metrics.json"))).isEqualTo(Files.readString(whole.resolve("metrics.json")));
        assertThat(names(killed)).as("the checkpoint goes with the run's results").containsExactly(".mtl.lock", "evaluation.json",
                "history.csv", "history.json", "metrics.json", "model.zip", "report.html");
    }
}
