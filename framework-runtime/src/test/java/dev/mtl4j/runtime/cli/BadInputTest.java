package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Pipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each user mistake: one clear line with its location, its category's exit code, no stack trace. */
final class BadInputTest {
    @TempDir
    Path dir;

    private Path pipeline(String training, String encoder, String dataPath) throws IOException {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: p",
                "data:",
                "  source: { type: csv, path: " + dataPath + " }",
                "  features:",
                "    \"px*\": numeric",
                "encoder: " + encoder,
                "tasks:",
                "  digit: { head: { type: classification } }",
                "training: " + training,
                ""));
        return file;
    }

    private Path validPipeline(String training) throws IOException {
        return pipeline(training, "{ type: mlp, hidden: [8] }", Pipelines.digitsFile());
    }

    private static void assertOneCleanLine(CliRun run, int exitCode, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().strip()).isEqualTo("error: " + expected);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void unknownKeyIsReportedWithLocationAndSuggestion() throws IOException {
        Path file = validPipeline("{ epoch: 3 }");
        assertOneCleanLine(CliRun.of("train", file.toString(), "--out", dir.resolve("out").toString()), 2,
                file + ":9:13: training.epoch: unknown key 'epoch'; did you mean 'epochs'?");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void wrongTypeIsReportedWithLocation() throws IOException {
        Path file = validPipeline("{ epochs: many }");
        CliRun run = CliRun.of("train", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + file + ":9:21: training.epochs: ").doesNotContain("\tat ");
    }

    @Test
    void unknownComponentTypeSuggestsTheNearName() throws IOException {
        Path file = pipeline("{ epochs: 1 }", "{ type: mlpp, hidden: [8] }", Pipelines.digitsFile());
        CliRun run = CliRun.of("train", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + file + ":6:").contains("encoder.type: unknown encoder type 'mlpp'; did you mean 'mlp'?")
                .doesNotContain("\tat ");
    }

    @Test
    void missingDataFileNamesTheFile() throws IOException {
        Path file = pipeline("{ epochs: 1 }", "{ type: mlp, hidden: [8] }", "no-such.csv");
        // one data path for every pipeline: the missing file is named with the key that points at it, at its line
        assertOneCleanLine(CliRun.of("train", file.toString()), 3, file + ":3:30: data.source.path: data file not found: "
                + dir.resolve("no-such.csv"));
    }

    @Test
    void badCsvCellNamesFileRowAndColumn() throws IOException {
        Path data = dir.resolve("bad.csv");
        StringBuilder csv = new StringBuilder("px0,px1,digit\n");
        for (int row = 1; row <= 20; row++) {
            csv.append(row).append(',').append(row == 2 ? "five" : Integer.toString(row * 3)).append(',').append(row % 2).append('\n');
        }
        Files.writeString(data, csv);
        Path file = pipeline("{ epochs: 1 }", "{ type: mlp, hidden: [8] }", "bad.csv");
        CliRun run = CliRun.of("train", file.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).startsWith("error: " + data + ": row 2 (line 3), column 'px1'")
                .contains("'five'").doesNotContain("\tat ");
    }

    @Test
    void javaTagIsRefused() throws IOException {
        Path file = validPipeline("{ epochs: !!javax.script.ScriptEngineManager [] }");
        CliRun run = CliRun.of("train", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: " + file + ":9:21: training.epochs: ")
                .contains("!!javax.script.ScriptEngineManager").contains("not allowed").doesNotContain("\n");
    }

    @Test
    void duplicateKeyIsRefused() throws IOException {
        Path file = validPipeline("{ epochs: 1, epochs: 2 }");
        CliRun run = CliRun.of("train", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + file + ":9:").contains("duplicate key 'epochs'").doesNotContain("\tat ");
    }

    @Test
    void missingPipelineFileAndUnknownModel() {
        CliRun missing = CliRun.of("train", dir.resolve("absent.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("error: " + dir.resolve("absent.yaml") + ": pipeline file not found");

        CliRun model = CliRun.of("eval", dir.resolve("absent.zip").toString(), Pipelines.digitsFile());
        assertOneCleanLine(model, 5, dir.resolve("absent.zip") + ": model file not found");
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        Path file = pipeline("{ epochs: 1 }", "{ type: mlp, hidden: [8] }", "no-such.csv");
        CliRun run = CliRun.of("--debug", "train", file.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void usageMistakesHaveTheirOwnExitCode() {
        assertThat(CliRun.of("train").exitCode()).isEqualTo(64);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(64);
    }
}
