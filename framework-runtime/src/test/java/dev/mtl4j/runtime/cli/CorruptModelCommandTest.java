package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.model.ModelZips;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged model given to eval or predict: exit 5, one line naming the file and the entry. */
final class CorruptModelCommandTest {
    @TempDir
    Path dir;

    @Test
    void evalAndPredictRefuseADamagedModelWithExitFive() throws IOException, URISyntaxException {
        Path golden = Path.of(getClass().getResource("/golden/digits-format2.zip").toURI());
        Path cut = ModelZips.rewrite(golden, dir.resolve("cut.zip"), false,
                e -> e.put("coefficients.bin", ModelZips.cut(e.get("coefficients.bin"), 10)));

        for (CliRun run : new CliRun[] {CliRun.of("eval", cut.toString(), Pipelines.digitsFile()),
                CliRun.of("predict", cut.toString(), Pipelines.digitsFile(), "--out", dir.resolve("p.csv").toString())}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
            assertThat(run.err().strip()).isEqualTo("error: " + cut + ": entry 'coefficients.bin': is 5079 bytes, "
                    + "the manifest says 5089 (cut or damaged)");
        }
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }
}
