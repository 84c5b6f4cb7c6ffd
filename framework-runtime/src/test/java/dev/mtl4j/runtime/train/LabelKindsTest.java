package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multilabel heads and partially labelled tasks on the real digits, with label columns derived from
 * the digit: {@code even} and {@code big} (digit ≥ 5) as 0/1, and a {@code parity} column of which
 * most cells are left empty.
 */
final class LabelKindsTest {
    @TempDir
    static Path dir;

    private final MtlRuntime runtime = MtlRuntime.create();

    @Test
    void multilabelHeadLearnsEveryLabel() throws IOException {
        TrainingResult result = runtime.train(Mtl.pipeline("multilabel")
                .data(Data.csv(derived(0).toString()).numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(64))
                .task("flags", Heads.multilabel()).labels("even", "big")
                .training(t -> t.epochs(10).seed(1))
                .build());

        assertThat(result.metric("test", "flags", "accuracy")).isGreaterThan(0.9);
        assertThat(result.metric("test", "flags", "macro-f1")).isGreaterThan(0.9);
    }

    @Test
    void aTaskLabelledOnAFifthOfTheRowsStillTrainsOnThoseRows() throws IOException {
        TrainingResult result = runtime.train(Mtl.pipeline("partial")
                .data(Data.csv(derived(5).toString()).numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(128))
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .training(t -> t.epochs(15).seed(1))
                .build());

        assertThat(result.metric("test", "digit", "accuracy")).isGreaterThan(0.93);
        // measured on the test rows that have a parity label only
        assertThat(result.metric("test", "parity", "accuracy")).isGreaterThan(0.85);
    }

    /** digits_tasks.csv plus 0/1 columns even and big; parity kept on every {@code keepEvery}-th row only (0: all). */
    private static Path derived(int keepEvery) throws IOException {
        Path file = dir.resolve("digits-derived-" + keepEvery + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        List<String> lines = Files.readAllLines(Path.of(Pipelines.digitsFile()));
        List<String> header = List.of(lines.get(0).split(","));
        int digitColumn = header.indexOf("digit");
        int parityColumn = header.indexOf("parity");
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",even,big");
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            int digit = Integer.parseInt(cells[digitColumn]);
            if (keepEvery > 0 && i % keepEvery != 0) {
                cells[parityColumn] = "";
            }
            out.add(String.join(",", cells) + "," + (digit % 2 == 0 ? 1 : 0) + "," + (digit >= 5 ? 1 : 0));
        }
        Files.write(file, out);
        return file;
    }
}
