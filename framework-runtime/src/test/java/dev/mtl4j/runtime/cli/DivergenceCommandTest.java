package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Pipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A diverging run on the command line: exit 6, one line at the learning rate's line, nothing saved. */
final class DivergenceCommandTest {
    @TempDir
    Path dir;

    @Test
    void adamAtAMillionStopsWithExitSixAtTheLearningRate() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("p.yaml"), String.join("\n",
                "pipeline: p",
                "data: { source: { type: csv, path: " + Pipelines.digitsFile() + " }, features: { \"px*\": numeric } }",
                "encoder: { type: mlp, hidden: [16] }",
                "tasks: { digit: { head: { type: classification } }, ink: { head: { type: regression } } }",
                "training:",
                "  epochs: 3",
                "  optimizer: { type: adam, lr: 1.0e6 }",
                ""));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("train", pipeline.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
        String error = run.err().lines().filter(line -> line.startsWith("error: ")).reduce((a, b) -> b).orElse(run.err());
        assertThat(run.err().lines().filter(line -> line.startsWith("error"))).hasSize(1);
        assertThat(error).startsWith("error: " + pipeline + ":7:32: training.optimizer.lr: training diverged in "
                + "epoch 1, batch ").contains(", task '").endsWith("; lower the learning rate (now 1000000.0) or check the data "
                + "for extreme values");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(".mtl.lock");
        }
    }
}
