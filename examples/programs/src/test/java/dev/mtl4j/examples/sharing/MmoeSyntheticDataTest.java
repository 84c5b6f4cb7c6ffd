package dev.mtl4j.examples.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MMoE paper's synthetic data: the task correlation is the p asked for, and a seed fixes the file. */
final class MmoeSyntheticDataTest {
    @TempDir
    Path dir;

    @Test
    void theLinearPartsOfTheTwoTasksCorrelateAtP() {
        for (double p : new double[] {1.0, 0.9, 0.5, 0.0, -0.5}) {
            MmoeSyntheticData data = new MmoeSyntheticData(p, 3);
            double[] w1 = data.w1();
            double[] w2 = data.w2();
            int n = 20_000;
            double[] a = new double[n];
            double[] b = new double[n];
            for (int r = 0; r < n; r++) {
                double[] row = data.nextRow();
                a[r] = MmoeSyntheticData.dot(w1, row);
                b[r] = MmoeSyntheticData.dot(w2, row);
            }
            // the standard error of a sample correlation is about (1 - p²)/√n <= 0.007 here
            assertThat(pearson(a, b)).as("p = %s", p).isCloseTo(p, within(0.03));
        }
    }

    @Test
    void theLabelsFollowTheLinearPartsWithTheCorrelationFallingWithP() {
        double[] correlations = new double[3];
        double[] ps = {1.0, 0.9, 0.5};
        for (int k = 0; k < ps.length; k++) {
            MmoeSyntheticData data = new MmoeSyntheticData(ps[k], 5);
            int n = 5_000;
            double[] y1 = new double[n];
            double[] y2 = new double[n];
            for (int r = 0; r < n; r++) {
                double[] row = data.nextRow();
                y1[r] = row[MmoeSyntheticData.DIMENSION];
                y2[r] = row[MmoeSyntheticData.DIMENSION + 1];
            }
            correlations[k] = pearson(y1, y2);
        }
        assertThat(correlations[0]).isGreaterThan(0.95);
        assertThat(correlations[0]).isGreaterThan(correlations[1]);
        assertThat(correlations[1]).isGreaterThan(correlations[2]);
    }

    @Test
    void u1AndU2AreOrthogonalUnitVectorsAndW1W2HaveCosineP() {
        MmoeSyntheticData data = new MmoeSyntheticData(0.9, 11);
        double[] u1 = data.u1();
        double[] u2 = data.u2();
        assertThat(u1).hasSize(MmoeSyntheticData.DIMENSION);
        assertThat(MmoeSyntheticData.dot(u1, u2)).isCloseTo(0.0, within(1e-12));
        assertThat(MmoeSyntheticData.dot(u1, u1)).isCloseTo(1.0, within(1e-12));
        assertThat(MmoeSyntheticData.dot(u2, u2)).isCloseTo(1.0, within(1e-12));
        double[] w1 = data.w1();
        double[] w2 = data.w2();
        double cosine = MmoeSyntheticData.dot(w1, w2) / Math.sqrt(MmoeSyntheticData.dot(w1, w1) * MmoeSyntheticData.dot(w2, w2));
        assertThat(cosine).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void oneSeedGivesOneFileAndAnotherSeedAnother() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        new MmoeSyntheticData(0.5, 7).write(a, 40, 10);
        new MmoeSyntheticData(0.5, 7).write(b, 40, 10);
        new MmoeSyntheticData(0.5, 8).write(c, 40, 10);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));

        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSize(51);
        assertThat(lines.get(0)).startsWith("x0,x1,").endsWith(",x99,y1,y2,split");
        assertThat(lines.get(1).split(",")).hasSize(MmoeSyntheticData.DIMENSION + 3);
        assertThat(lines.subList(1, 41)).allMatch(line -> line.endsWith(",train"));
        assertThat(lines.subList(41, 51)).allMatch(line -> line.endsWith(",test"));
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
