package dev.mtl4j.examples.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readings of the paper's unprinted α, β: parsed, shaped as documented, and mattering. */
final class SinesTest {
    @TempDir
    Path dir;

    @Test
    void parsesBothFormsAndNamesTheOptionOnBadInput() {
        assertThat(Sines.parse("normal:0.1")).isEqualTo(new Sines.Normal(0.1));
        assertThat(Sines.parse("normal:1")).isEqualTo(new Sines.Normal(1.0));
        assertThat(Sines.parse("ramp")).isEqualTo(new Sines.Ramp());
        assertThat(Sines.parse(new Sines.Normal(0.1).toString())).isEqualTo(new Sines.Normal(0.1));
        assertThatThrownBy(() -> Sines.parse("normal:x")).hasMessageContaining("--sines").hasMessageContaining("normal:x");
        assertThatThrownBy(() -> Sines.parse("uniform")).hasMessageContaining("--sines");
        assertThatThrownBy(() -> Sines.parse("normal:-1")).hasMessageContaining(">= 0");
    }

    @Test
    void rampIsOneToMAndSquares() {
        double[][] ab = new Sines.Ramp().alphaBeta(4, new Random(1));
        assertThat(ab[0]).containsExactly(1, 2, 3, 4);
        assertThat(ab[1]).containsExactly(0, 1, 4, 9);
    }

    @Test
    void normalDrawsWithTheGivenSpreadFromTheGeneratorsStream() {
        double[][] a = new Sines.Normal(2.0).alphaBeta(5000, new Random(4));
        double[][] b = new Sines.Normal(2.0).alphaBeta(5000, new Random(4));
        assertThat(a[0]).containsExactly(b[0]);
        double squares = 0;
        for (double v : a[0]) {
            squares += v * v;
        }
        assertThat(Math.sqrt(squares / a[0].length)).isCloseTo(2.0, within(0.1));
    }

    @Test
    void theDefaultConstructorIsTheNearlyLinearReadingByteForByte() throws IOException {
        Path plain = dir.resolve("plain.csv");
        Path named = dir.resolve("named.csv");
        new MmoeSyntheticData(0.9, 5).write(plain, 30, 5);
        new MmoeSyntheticData(0.9, MmoeSyntheticData.NEARLY_LINEAR, 5).write(named, 30, 5);
        assertThat(Files.readAllBytes(named)).isEqualTo(Files.readAllBytes(plain));
    }

    /**
     * Why the option exists: with α, β ~ N(0, 0.01) the labels correlate about as their linear
     * parts do (p), so the tasks are as related as linear tasks; with N(0, 1) the sines bend the
     * labels apart and at p = 0.5 they correlate clearly less than p.
     */
    @Test
    void bendierSinesMakeTheLabelsLessCorrelatedThanTheirLinearParts() {
        double nearlyLinear = labelCorrelation(new MmoeSyntheticData(0.5, MmoeSyntheticData.NEARLY_LINEAR, 9));
        double bent = labelCorrelation(new MmoeSyntheticData(0.5, new Sines.Normal(1.0), 9));
        assertThat(nearlyLinear).isCloseTo(0.5, within(0.05));
        assertThat(bent).isLessThan(nearlyLinear - 0.05);
    }

    private static double labelCorrelation(MmoeSyntheticData data) {
        int n = 20_000;
        double[] y1 = new double[n];
        double[] y2 = new double[n];
        for (int r = 0; r < n; r++) {
            double[] row = data.nextRow();
            y1[r] = row[MmoeSyntheticData.DIMENSION];
            y2[r] = row[MmoeSyntheticData.DIMENSION + 1];
        }
        double m1 = 0;
        double m2 = 0;
        for (int r = 0; r < n; r++) {
            m1 += y1[r] / n;
            m2 += y2[r] / n;
        }
        double s12 = 0;
        double s11 = 0;
        double s22 = 0;
        for (int r = 0; r < n; r++) {
            s12 += (y1[r] - m1) * (y2[r] - m2);
            s11 += (y1[r] - m1) * (y1[r] - m1);
            s22 += (y2[r] - m2) * (y2[r] - m2);
        }
        return s12 / Math.sqrt(s11 * s22);
    }
}
