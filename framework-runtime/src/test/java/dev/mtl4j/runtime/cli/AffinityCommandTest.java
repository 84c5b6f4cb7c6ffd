package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mtl affinity on a synthetic set where two tasks share a cause and a third is unrelated: the matrix
 * shows the pair (each helps the other) and the outsider (helps and is helped by neither), and the
 * best two groups are the pair and the outsider.
 */
final class AffinityCommandTest {
    @TempDir
    Path dir;

    @Test
    void thePairThatSharesACauseHelpsItselfAndTheOutsiderStandsApart() throws IOException {
        Path data = dir.resolve("shared-cause.csv");
        writeSharedCause(data, 1200, new Random(11));
        Path file = dir.resolve("shared-cause.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: shared-cause",
                "data:",
                "  source: { type: csv, path: " + data + " }",
                "  features: { \"x*\": numeric }",
                "  split: { test: 0.2, seed: 7 }",
                "encoder: { type: mlp, hidden: [32], activation: relu }",
                "tasks:",
                "  level: { head: { type: regression } }",
                "  again: { head: { type: regression } }",
                "  other: { head: { type: regression } }",
                "training: { epochs: 8, batchSize: 32, optimizer: { type: adam, lr: 3.0e-3 }, seed: 5 }",
                ""));
        Path out = dir.resolve("run");

        CliRun run = CliRun.of("affinity", file.toString(), "--out", out.toString(), "--every", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode affinity = new ObjectMapper().readTree(out.resolve("affinity.json").toFile());
        JsonNode z = affinity.get("matrix");
        JsonNode error = affinity.get("standardError");
        for (String[] pair : new String[][] {{"level", "again"}, {"again", "level"}}) {
            assertThat(z.get(pair[0]).get(pair[1]).asDouble()).as("%s helps %s: %s", pair[0], pair[1], affinity)
                    .isGreaterThan(2 * error.get(pair[0]).get(pair[1]).asDouble());
        }
        double pair = Math.min(z.get("level").get("again").asDouble(), z.get("again").get("level").asDouble());
        for (String[] outside : new String[][] {{"level", "other"}, {"again", "other"}, {"other", "level"}, {"other", "again"}}) {
            // the outsider may be hurt or hurt the others (the shared encoder pulled two ways), never clearly helped
            double value = z.get(outside[0]).get(outside[1]).asDouble();
            assertThat(value).as("%s on %s: %s", outside[0], outside[1], affinity)
                    .isLessThan(2 * error.get(outside[0]).get(outside[1]).asDouble()).isLessThan(pair / 3);
        }
        assertThat(affinity.get("measurements").asInt()).isEqualTo(8 * 30 / 2);
        assertThat(affinity.get("lookaheadLearningRate").asDouble()).isEqualTo(3.0e-4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(affinity.get("groupings")).hasSize(2);
        assertThat(affinity.get("groupings").get(1).get("groups").toString()).as(affinity.toString())
                .isIn("[[\"level\",\"again\"],[\"other\"]]", "[[\"other\"],[\"level\",\"again\"]]");
        assertThat(run.out()).contains("step on \\ loss of", "2 groups: {level, again} {other}");
        assertThat(Files.readString(out.resolve("report.html"))).contains("\"affinity\":{");
        assertThat(out.resolve("history.json")).exists();
        // measured on a copy, without drawing from the training's random generator: the model is mtl train's, to the bit
        Path plain = dir.resolve("plain");
        assertThat(CliRun.of("train", file.toString(), "--out", plain.toString(), "--no-report").exitCode()).isZero();
        assertThat(Files.readString(out.resolve("metrics.json"))).isEqualTo(Files.readString(plain.resolve("metrics.json")));
    }

    @Test
    void aSingleTaskPipelineIsAConfigErrorAtItsTasks() throws IOException {
        Path data = dir.resolve("shared-cause.csv");
        writeSharedCause(data, 50, new Random(1));
        Path file = dir.resolve("one.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: one",
                "data:",
                "  source: { type: csv, path: " + data + " }",
                "  features: { \"x*\": numeric }",
                "encoder: { type: mlp, hidden: [4] }",
                "tasks:",
                "  level: { head: { type: regression } }",
                "training: { epochs: 1 }",
                ""));

        CliRun run = CliRun.of("affinity", file.toString(), "--out", dir.resolve("run").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("one.yaml:7:3: tasks: task affinity needs at least two tasks, the pipeline has 1")
                .doesNotContain("training 'one'");
    }

    @Test
    void aPipelineWithATrainingStrategyIsRefusedAtItsStrategy() throws IOException {
        Path file = dir.resolve("moons.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: moons",
                "data:",
                "  source: { type: csv, path: " + Repository.file("examples/data/moons_source.csv") + " }",
                "  features: { x1: numeric, x2: numeric }",
                "  target: { source: { type: csv, path: " + Repository.file("examples/data/moons_target.csv") + " } }",
                "encoder: { type: mlp, hidden: [8] }",
                "tasks:",
                "  label: { head: { type: binary } }",
                "  again: { head: { type: binary } }",
                "strategy: { type: domain-adversarial, hidden: [] }",
                "training: { epochs: 1, seed: 1 }",
                ""));

        CliRun run = CliRun.of("affinity", file.toString(), "--out", dir.resolve("run").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("moons.yaml:10:").contains("strategy: task affinity is measured on plain multi-task training");
    }

    /** x1..x6 standard normal; level and again = x1·x2 + their own noise; other = x5·x6 + noise. */
    private static void writeSharedCause(Path file, int rows, Random random) throws IOException {
        StringBuilder csv = new StringBuilder("x1,x2,x3,x4,x5,x6,level,again,other\n");
        for (int r = 0; r < rows; r++) {
            double[] x = new double[6];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian();
                csv.append(String.format(Locale.ROOT, "%.4f,", x[i]));
            }
            double cause = x[0] * x[1];
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", cause + 0.2 * random.nextGaussian(),
                    cause + 0.2 * random.nextGaussian(), x[4] * x[5] + 0.2 * random.nextGaussian()));
        }
        Files.writeString(file, csv);
    }
}
