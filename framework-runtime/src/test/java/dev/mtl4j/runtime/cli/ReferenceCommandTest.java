package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mtl train --reference on the bundled wine data: XGBoost's GBM and linear booster are trained on the
 * same rows and learn (a cultivar is easy to tell from the chemistry; alcohol is partly predictable).
 */
final class ReferenceCommandTest {
    @TempDir
    Path dir;

    @Test
    void referenceModelsLearnOnTheSameSplitAndAreShownBesideTheNetwork() throws IOException {
        Path out = dir.resolve("run");

        CliRun run = CliRun.of("train", Repository.file("examples/pipelines/wine.yaml").toString(), "--out",
                out.toString(), "--reference", "--set", "training.epochs=3", "--no-report");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("the network beside reference models on the test rows")
                .containsPattern("cultivar +accuracy +0\\.\\d{4} +\\d\\.\\d{4} +\\d\\.\\d{4} +(mtl4j|gbm|linear)")
                .containsPattern("alcohol +r2 +-?\\d+\\.\\d{4} +-?\\d\\.\\d{4} +-?\\d\\.\\d{4}");
        JsonNode test = new ObjectMapper().readTree(out.resolve("reference.json").toFile()).get("splits").get("test");
        for (String model : new String[] {"gbm", "linear"}) {
            assertThat(test.get(model).get("cultivar").get("accuracy").asDouble()).as(model).isGreaterThan(0.85);
            assertThat(test.get(model).get("alcohol").get("r2").asDouble()).as(model).isGreaterThan(0.3);
        }
        assertThat(test.get("mtl4j").get("cultivar").has("accuracy")).isTrue();
    }
}
