package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Pipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command-line path: train, then eval and predict with the saved model; plugins; describe. */
final class CommandsTest {
    @TempDir
    Path dir;

    @Test
    void trainThenEvalThenPredict() throws IOException {
        Path file = dir.resolve("digits.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: digits-cli",
                "data:",
                "  source: { type: csv, path: " + Pipelines.digitsFile() + " }",
                "  features: { \"px*\": numeric }",
                "  split: { test: 0.2, seed: 7 }",
                "encoder: { type: mlp, hidden: [32] }",
                "tasks:",
                "  digit: { head: { type: classification, classes: 10 }, weight: 0.8 }",
                "  ink: { head: { type: regression }, weight: 0.2 }",
                "training: { epochs: 3, seed: 3 }",
                ""));
        Path out = dir.resolve("run");

        CliRun train = CliRun.of("train", file.toString(), "--out", out.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(out.resolve("model.zip")).isRegularFile();
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertThat(metrics).contains("\"digit\"", "\"test\"", "\"train\"", "\"accuracy\"", "\"macro-f1\"", "\"log-loss\"",
                "\"mse\"", "\"mae\"", "\"r2\"");

        CliRun eval = CliRun.of("eval", out.resolve("model.zip").toString(), Pipelines.digitsFile());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("digit", "accuracy");
        List<String> table = eval.out().strip().lines().toList();
        assertThat(table.get(0)).startsWith("file").contains("task", "accuracy", "macro-f1", "log-loss", "mse", "r2");
        // the numbers sit under their column's name, right-aligned
        int column = table.get(0).indexOf("accuracy") + "accuracy".length();
        assertThat(table.get(1)).startsWith("digits_tasks.csv").matches(line -> line.substring(column - 6, column).matches("0\\.\\d{4}"));

        Path predictions = dir.resolve("predictions.csv");
        CliRun predict = CliRun.of("predict", out.resolve("model.zip").toString(), Pipelines.digitsFile(),
                "--out", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).isEqualTo("digit,digit.probability,ink");
        assertThat(lines).hasSize(1798);
    }

    @Test
    void pluginsListsEveryFamilyWithItsJar() {
        CliRun run = CliRun.of("plugins");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("encoders:", "mlp", "heads:", "classification", "regression",
                "sharing strategies:", "hard", "data sets:", "csv");
        assertThat(run.out()).containsPattern("mlp\\s+mtl4j-plugin-encoders[^ ]*");
    }

    @Test
    void describeShowsParametersWithTypesDefaultsAndDocs() {
        CliRun run = CliRun.of("describe", "mlp");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("mlp (encoder", "hidden", "activation", "relu", "dropout");

        CliRun unknown = CliRun.of("describe", "mpl");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown component type or pipeline section 'mpl'; did you mean 'mlp'?");
    }
}
