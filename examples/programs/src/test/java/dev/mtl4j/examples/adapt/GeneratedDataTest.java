package dev.mtl4j.examples.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.examples.ExamplesDirectory;
import dev.mtl4j.examples.meta.SineWaves;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled generated files are what the generators write, byte for byte, and say what they claim. */
final class GeneratedDataTest {
    private static String bundled(String name) throws IOException {
        return Files.readString(ExamplesDirectory.find().resolve("data").resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void theMoonsFilesAreTheGeneratorsSeedOne() throws IOException {
        assertThat(TwoMoons.csv(150, TwoMoons.NOISE, 0, 1)).isEqualTo(bundled("moons_source.csv"));
        assertThat(TwoMoons.csv(150, TwoMoons.NOISE, TwoMoons.TARGET_ROTATION, 2)).isEqualTo(bundled("moons_target.csv"));
    }

    @Test
    void theSineFilesAreTheGenerators() throws IOException {
        assertThat(SineWaves.csv(200, 20, 50, 110, 1)).isEqualTo(bundled("sine_waves.csv"));
        assertThat(SineWaves.oneWave(110, 2)).isEqualTo(bundled("sine_wave_new.csv"));
    }

    @Test
    void theTargetMoonsAreTheSourceMoonsTurnedBy35Degrees() {
        // the same draws turned: each point keeps its distance from the centre, its angle grows by 35°
        String[] source = TwoMoons.csv(20, 0.0, 0, 5).split("\n");
        String[] target = TwoMoons.csv(20, 0.0, 35, 5).split("\n");
        for (int i = 1; i < source.length; i++) {
            double[] s = point(source[i]);
            double[] t = point(target[i]);
            double turned = Math.toDegrees(Math.atan2(t[1] - 0.25, t[0] - 0.5) - Math.atan2(s[1] - 0.25, s[0] - 0.5));
            assertThat(((turned % 360) + 360) % 360).isCloseTo(35, org.assertj.core.data.Offset.offset(0.01));
            assertThat(Math.hypot(t[0] - 0.5, t[1] - 0.25)).isCloseTo(Math.hypot(s[0] - 0.5, s[1] - 0.25),
                    org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    private static double[] point(String line) {
        String[] cells = line.split(",");
        return new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])};
    }

    @Test
    void sineWavesStayInThePapersRanges() {
        for (String line : SineWaves.csv(30, 20, 0, 0, 3).split("\n")) {
            if (line.startsWith("wave")) {
                continue;
            }
            String[] cells = line.split(",");
            assertThat(Double.parseDouble(cells[2])).isBetween(-5.0, 5.0);
            assertThat(Math.abs(Double.parseDouble(cells[3]))).isLessThanOrEqualTo(5.0);
        }
    }
}
