package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before the first epoch, mtl train says each task's labelled rows, the columns nothing reads, and the indicators added. */
final class TrainingLogCommandTest {
    @TempDir
    Path dir;

    @Test
    void saysLabelledRowsUnusedColumnsAndMissingIndicators() throws IOException {
        List<String> lines = new ArrayList<>(List.of("x,m,note,y"));
        for (int row = 0; row < 40; row++) {
            lines.add(row + "," + (row % 4 == 0 ? "" : String.valueOf(row % 7)) + ",text " + row + "," + (row % 5 == 0 ? "yes" : "no"));
        }
        Files.write(dir.resolve("d.csv"), lines);
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                pipeline: p
                data: { source: { type: csv, path: d.csv }, features: { x: numeric, m: numeric }, split: { test: 0.25, seed: 7 } }
                encoder: { type: mlp, hidden: [4] }
                tasks: { y: { head: { type: binary, positive: "yes" } } }
                training: { epochs: 1, batchSize: 8, seed: 1 }
                """);

        CliRun run = CliRun.of("train", pipeline.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("task 'y': 30 labelled training rows \\(\\d+ 'yes', \\d+\\.\\d %\\)")
                .contains("column 'note': not used")
                .contains("column 'm': missing in some training rows; the mean stands in, and the input 'm=missing' marks");
    }
}
