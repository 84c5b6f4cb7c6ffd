package dev.mtl4j.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive {@code mvn package} makes runs {@code mtl train} on the income example, unpacked far from the checkout. */
final class DistributionIT {
    @TempDir
    Path elsewhere;

    @Test
    void theUnpackedArchiveTrainsTheIncomeExample() throws Exception {
        String name = "mtl-" + Checkout.version();
        Path archive = Checkout.root().resolve("packaging/distribution/target").resolve(name + ".tar.gz");
        assertThat(archive).isRegularFile();
        Command.Result unpack = Command.run(elsewhere, Map.of(), Duration.ofMinutes(2),
                List.of("tar", "xzf", archive.toString()));
        assertThat(unpack.exit()).as(unpack.output()).isZero();
        Path home = elsewhere.resolve(name);
        assertThat(home.resolve("bin/mtl")).isExecutable();
        assertThat(home.resolve("lib")).isDirectoryContaining("glob:**/mtl4j-framework-runtime-*.jar")
                .isDirectoryContaining("glob:**/picocli-*.jar").isDirectoryContaining("glob:**/slf4j-nop-*.jar");

        Path out = elsewhere.resolve("runs/income");
        Command.Result train = Command.run(home, Map.of("OMP_NUM_THREADS", "1"), Duration.ofMinutes(5),
                List.of("bin/mtl", "train", "examples/pipelines/income.yaml", "--out", out.toString()));

        assertThat(train.exit()).as(train.output()).isZero();
        assertThat(out.resolve("model.zip")).isRegularFile();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        // Learned, not just run: the majority class of MARITAL.STATUS is 0.41 of the rows, of INCOME 0.19.
        assertThat(metrics.at("/MARITAL.STATUS/test/accuracy").asDouble()).isGreaterThan(0.6);
        assertThat(metrics.at("/INCOME/test/accuracy").asDouble()).isGreaterThan(0.25);
    }
}
