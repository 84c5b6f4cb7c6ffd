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
     * Why the option exists: with α, β ~ N(0, 0.01) a label is almost a linear function of its
     * linear part wᵀx (a straight line explains nearly all of its variance), so the task pair is
     * nearly linear whatever p; with N(0, 1) the sines bend it and a line explains clearly less.
     */
    @Test
    void bendierSinesMakeTheLabelsLessLinear() {
        double nearlyLinear = linearShare(new MmoeSyntheticData(0.5, MmoeSyntheticData.NEARLY_LINEAR, 9));
        double bent = linearShare(new MmoeSyntheticData(0.5, new Sines.Normal(1.0), 9));
        assertThat(nearlyLinear).isGreaterThan(0.97);
        assertThat(bent).isLessThan(nearlyLinear - 0.1);
    }

    /** R² of the best straight line from w1ᵀx to y1: the squared correlation. */
    private static double linearShare(MmoeSyntheticData data) {
        double[] w1 = data.w1();
        int n = 20_000;
        double[] z = new double[n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            double[] row = data.nextRow();
            z[r] = MmoeSyntheticData.dot(w1, row);
            y[r] = row[MmoeSyntheticData.DIMENSION];
        }
        double c = MmoeSyntheticDataTest.pearson(z, y);
        return c * c;
    }
}
