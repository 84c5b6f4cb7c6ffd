package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task weighting that makes no sense for the pipeline is a configuration error at its key, with
 * the file's line and column, exit code 2, before any training.
 */
final class WeightingConfigErrorsTest {
    @TempDir
    Path dir;

    private Path pipeline(String encoder, String tasks, String training) throws IOException {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: p",
                "data:",
                "  source: { type: csv, path: " + Pipelines.digitsFile() + " }",
                "  features:",
                "    \"px*\": numeric",
                "encoder: " + encoder,
                "tasks:",
                tasks,
                "training: " + training,
                ""));
        return file;
    }

    private static final String MLP = "{ type: mlp, hidden: [8] }";
    private static final String TWO_TASKS = "  digit: { head: { type: classification } }\n  parity: { head: { type: binary } }";

    private static void assertConfigError(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: " + expected);
    }

    @Test
    void aGradientMethodNeedsTwoTasks() throws IOException {
        Path file = pipeline(MLP, "  digit: { head: { type: classification } }", "{ epochs: 1, weighting: { type: mgda } }");
        assertConfigError(CliRun.of("train", file.toString(), "--out", dir.resolve("out").toString()),
                file + ":9:43: training.weighting.type: 'mgda' combines the tasks' gradients, but the pipeline has one "
                        + "task; use it with two tasks or more, or leave training.weighting out");
        assertThat(dir.resolve("out").resolve("model.zip")).doesNotExist();
    }

    @Test
    void unknownAndOutOfRangeParametersAreLocated() throws IOException {
        Path file = pipeline(MLP, TWO_TASKS, "{ epochs: 1, weighting: { type: dwa, temprature: 2 } }");
        assertConfigError(CliRun.of("train", file.toString()),
                file + ":10:48: training.weighting.temprature: unknown key 'temprature'; did you mean 'temperature'?");
        Path range = pipeline(MLP, TWO_TASKS, "{ epochs: 1, weighting: { type: cagrad, c: -1 } }");
        CliRun run = CliRun.of("train", range.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + range + ":10:").contains("training.weighting.c: ").contains(">= 0");
    }

    @Test
    void aTaskWeightBesideAMethodThatSetsTheWeightsIsRefused() throws IOException {
        Path file = pipeline(MLP, "  digit: { head: { type: classification }, weight: 0.5 }\n  parity: { head: { type: binary } }",
                "{ epochs: 1, weighting: { type: dwa } }");
        CliRun run = CliRun.of("train", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + file + ":8:").contains("tasks.digit.weight: is 0.5, but the task "
                + "weighting 'dwa' sets the tasks' weights itself");
    }

    @Test
    void representationGradientsNeedTheFusedStep() throws IOException {
        Path file = pipeline("{ type: mlp, hidden: [8], activation: elu }", TWO_TASKS,
                "{ epochs: 1, weighting: { type: pcgrad, gradients: representation } }");
        CliRun run = CliRun.of("train", file.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        // found when training starts, after the data is read: still located at the key
        assertThat(run.err()).contains("error: " + file + ":10:").contains("training.weighting.gradients: 'pcgrad' takes "
                + "per-task gradients on the shared representation, but this network trains through DL4J's general path "
                + "(layer 'shared/encoder/dense_0' has an unsupported activation)").contains("(gradients: parameters)");
    }

    @Test
    void methodsThatNeedEveryTaskInEveryBatchRefuseTasksWithTheirOwnData() throws IOException {
        Path file = dir.resolve("own.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: own",
                "data: { features: { \"px*\": numeric } }",
                "encoder: { type: mlp, hidden: [8] }",
                "tasks:",
                "  digit:",
                "    head: { type: classification }",
                "    data: { source: { type: csv, path: " + Repository.file("examples/data/digits_digit_1200.csv") + " } }",
                "  parity:",
                "    head: { type: classification }",
                "    data: { source: { type: csv, path: " + Repository.file("examples/data/digits_parity_300.csv") + " } }",
                "training: { epochs: 1, weighting: { type: famo } }",
                ""));
        CliRun run = CliRun.of("train", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + file + ":11:").contains("training.weighting.type: 'famo' needs every "
                + "task's loss in every batch, but the tasks bring their own data sets");
    }
}
