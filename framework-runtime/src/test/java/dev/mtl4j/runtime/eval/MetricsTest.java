package dev.mtl4j.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.spi.TargetKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics checked against values worked out by hand. */
final class MetricsTest {

    @Test
    void classificationAccuracyMacroF1AndLogLossSkipMaskedRows() {
        float[][] predicted = {{0.8f, 0.2f}, {0.4f, 0.6f}, {0.7f, 0.3f}, {0.1f, 0.9f}};
        float[][] labels = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};
        float[][] mask = {{1}, {1}, {1}, {0}};

        Map<String, Double> m = Metrics.compute(TargetKind.CATEGORICAL, predicted, labels, mask);

        // rows 0..2: predictions 0, 1, 0 against labels 0, 0, 1 -> one right
        assertThat(m.get("accuracy")).isCloseTo(1.0 / 3, within(1e-9));
        // class 0: tp 1, predicted 2, actual 2 -> F1 0.5; class 1: tp 0 -> 0
        assertThat(m.get("macro-f1")).isCloseTo(0.25, within(1e-9));
        assertThat(m.get("log-loss")).isCloseTo(-(Math.log(0.8) + Math.log(0.4) + Math.log(0.3)) / 3, within(1e-6));
    }

    @Test
    void regressionMseMaeAndR2() {
        float[][] predicted = {{1}, {2}, {4}};
        float[][] labels = {{1}, {3}, {5}};

        Map<String, Double> m = Metrics.compute(TargetKind.NUMERIC, predicted, labels, null);

        assertThat(m.get("mse")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.get("mae")).isCloseTo(2.0 / 3, within(1e-9));
        // mean 3, total sum of squares 8, residual 2
        assertThat(m.get("r2")).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void binaryF1OfThePositiveClass() {
        float[][] predicted = {{0.9f}, {0.8f}, {0.2f}, {0.1f}};
        float[][] labels = {{1}, {0}, {1}, {0}};

        Map<String, Double> m = Metrics.compute(TargetKind.BINARY, predicted, labels, null);

        assertThat(m.get("accuracy")).isCloseTo(0.5, within(1e-9));
        assertThat(m.get("f1")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void binaryAucIsTheShareOfPositiveNegativePairsRankedRight() {
        float[][] predicted = {{0.9f}, {0.4f}, {0.6f}, {0.1f}, {0.3f}};
        float[][] labels = {{1}, {1}, {0}, {0}, {0}};

        Map<String, Double> m = Metrics.compute(TargetKind.BINARY, predicted, labels, null);

        // positives 0.9, 0.4 against negatives 0.6, 0.1, 0.3: 0.9 beats all three, 0.4 beats two -> 5 of 6
        assertThat(m.get("auc")).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(m).containsOnlyKeys("accuracy", "f1", "log-loss", "auc");
    }

    @Test
    void rSquaredKeepsItsDigitsOnLargeTargets() {
        float[][] predicted = new float[200][1];
        float[][] labels = new float[200][1];
        double residual = 0;
        double mean = 0;
        for (int i = 0; i < 200; i++) {
            labels[i][0] = 50_000 + (i % 20);
            predicted[i][0] = labels[i][0] + (i % 2 == 0 ? 1 : -1);
            mean += labels[i][0] / 200.0;
        }
        double total = 0;
        for (int i = 0; i < 200; i++) {
            residual += 1;
            total += (labels[i][0] - mean) * (labels[i][0] - mean);
        }

        Map<String, Double> m = Metrics.compute(TargetKind.NUMERIC, predicted, labels, null);

        assertThat(m.get("r2")).isCloseTo(1 - residual / total, within(1e-9));
        assertThat(m.get("mse")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void multilabelSkipsMaskedCellsAndAveragesF1OverLabels() {
        float[][] predicted = {{0.9f, 0.2f}, {0.1f, 0.8f}, {0.7f, 0.6f}};
        float[][] labels = {{1, 0}, {0, 1}, {0, 0}};
        float[][] mask = {{1, 1}, {1, 1}, {1, 0}};

        Map<String, Double> m = Metrics.compute(TargetKind.MULTILABEL, predicted, labels, mask);

        // five cells: label a right, wrong-positive at row 2; label b right twice -> 4 of 5
        assertThat(m.get("accuracy")).isCloseTo(0.8, within(1e-9));
        // label a: tp 1, fp 1 -> F1 2/3; label b: tp 1 -> F1 1
        assertThat(m.get("macro-f1")).isCloseTo((2.0 / 3 + 1) / 2, within(1e-9));
    }
}
