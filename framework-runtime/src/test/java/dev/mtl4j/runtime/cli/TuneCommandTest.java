package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mtl tune on the bundled wine data, a few short trials: results table, chart, best pipeline; a
 * re-run skips finished trials; two trials at a time give what one at a time gives.
 */
final class TuneCommandTest {
    @TempDir
    Path dir;

    private static String[] tune(Path out, String parallel) {
        return new String[] {"tune", Repository.file("examples/pipelines/wine.yaml").toString(), "--trials", "3", "--parallel",
            parallel, "--out", out.toString(), "--set", "training.epochs=2", "--set", "search.method=random"};
    }

    @Test
    void searchesOnValidationRowsResumesAndWritesTheBestPipeline() throws IOException {
        Path out = dir.resolve("tune");

        CliRun run = CliRun.of(tune(out, "2"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("tuning 'wine': random search, 3 configurations in 1 rung(s), 2 at a time")
                .contains("trial 2 (rung 0) objective");
        assertThat(run.out()).contains("3 trials; the best 3 by mean over tasks of accuracy (r2 for regression)")
                .contains("the best pipeline on the test rows, seeds [42]").containsPattern("cultivar +accuracy +0\\.\\d{4}");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(3);
        List<String> csv = Files.readAllLines(out.resolve("tuning.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("trial,rung,epochs,training.optimizer.lr,encoder.hidden,").contains(",objective,");
        JsonNode tuning = new ObjectMapper().readTree(out.resolve("tuning.json").toFile());
        double best = tuning.get("best").get("objective").asDouble();
        for (JsonNode trial : tuning.get("trials")) {
            assertThat(trial.get("objective").asDouble()).isLessThanOrEqualTo(best);
        }
        // learned: two epochs already tell most cultivars apart on the validation rows
        assertThat(best).isGreaterThan(0.25);
        assertThat(Files.readString(out.resolve("tuning.html"))).contains("window.MTL_TUNING = {");
        PipelineSpec written = MtlRuntime.create().loadPipeline(out.resolve("best.yaml"));
        assertThat(written.training().optimizer().learningRate()).isCloseTo(
                Double.parseDouble(tuning.get("best").get("values").get("training.optimizer.lr").asText()), within(1e-12));
        assertThat(out.resolve("model.zip")).exists();

        CliRun again = CliRun.of(tune(out, "1"));

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("trial 0 (rung 0) objective").contains("(finished in an earlier run: trials.jsonl)")
                .doesNotContain("trial 0 (rung 0, 2 epochs)");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(3);

        Path alone = dir.resolve("one-at-a-time");
        CliRun sequential = CliRun.of(tune(alone, "1"));

        assertThat(sequential.exitCode()).as(sequential.err()).isZero();
        JsonNode one = new ObjectMapper().readTree(alone.resolve("tuning.json").toFile());
        for (int i = 0; i < 3; i++) {
            assertThat(one.get("trials").get(i).get("objective").asDouble()).as("trial " + i)
                    .isCloseTo(tuning.get("trials").get(i).get("objective").asDouble(), within(1e-6));
        }
    }
}
