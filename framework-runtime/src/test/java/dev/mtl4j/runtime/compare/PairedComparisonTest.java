package dev.mtl4j.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spi.TargetKind;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The noise-aware rule on binary predictions built to differ by known amounts. */
final class PairedComparisonTest {

    /** 450 rows, half positive; the model is right on {@code right} of them, with confidence {@code p}. */
    private static TaskRows rows(int right, float p, long seed) {
        int n = 450;
        float[] labels = new float[n];
        float[] predicted = new float[n];
        float[] mask = new float[n];
        Random random = new Random(seed);
        int[] order = random.ints(0, Integer.MAX_VALUE).distinct().limit(n).toArray();
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            boolean correct = Integer.compare(order[i] % n, right) < 0;
            float confidence = p + (random.nextFloat() - 0.5f) * 0.05f;
            predicted[i] = correct == (labels[i] > 0.5f) ? confidence : 1 - confidence;
            mask[i] = 1;
        }
        return new TaskRows(TargetKind.BINARY, 1, predicted, labels, mask);
    }

    private static TaskRows shifted(TaskRows rows, int flips, float confidence) {
        float[] predicted = rows.predicted().clone();
        int flipped = 0;
        for (int i = 0; i < predicted.length && flipped < flips; i++) {
            boolean right = (predicted[i] > 0.5f) == (rows.labels()[i] > 0.5f);
            if (!right) {
                predicted[i] = rows.labels()[i] > 0.5f ? confidence : 1 - confidence;
                flipped++;
            }
        }
        return new TaskRows(rows.kind(), rows.width(), predicted, rows.labels(), rows.mask());
    }

    @Test
    void aClearGainOverThreeSeedsIsHelped() {
        List<TaskRows> strong = List.of(rows(400, 0.9f, 1), rows(405, 0.9f, 2), rows(398, 0.9f, 3));
        List<TaskRows> weak = List.of(rows(300, 0.7f, 1), rows(296, 0.7f, 2), rows(305, 0.7f, 3));

        TaskComparison task = PairedComparison.compare(Map.of("spam", strong), Map.of("spam", weak), 7).get(0);

        assertThat(task.verdict().kind()).isEqualTo(Verdict.Kind.HELPED);
        MetricComparison accuracy = task.metrics().get(0);
        assertThat(accuracy.metric()).isEqualTo("accuracy");
        assertThat(accuracy.low()).isPositive();
        assertThat(task.verdict().text("transfer", "from scratch")).startsWith("transfer helped (better accuracy");
        assertThat(PairedComparison.compare(Map.of("spam", weak), Map.of("spam", strong), 7).get(0).verdict().kind())
                .isEqualTo(Verdict.Kind.HURT);
    }

    @Test
    void oneMailInFourHundredFiftyIsNoClearDifference() {
        TaskRows base = rows(420, 0.9f, 5);
        TaskRows oneBetter = shifted(base, 1, 0.6f);

        TaskComparison task = PairedComparison.compare(Map.of("spam", List.of(oneBetter)), Map.of("spam", List.of(base)), 7).get(0);

        assertThat(task.metrics().get(0).difference()).isCloseTo(1.0 / 450, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(task.metrics()).allMatch(m -> m.outcome() == Outcome.UNCLEAR);
        assertThat(task.verdict().kind()).isEqualTo(Verdict.Kind.NO_CLEAR_DIFFERENCE);
    }

    @Test
    void betterOnOneMetricAndWorseOnAnotherIsNoClearDifferenceSayingBoth() {
        Verdict verdict = Verdict.of(List.of(
                new MetricComparison("accuracy", 0.96, 0.95, 0.01, 0.005, 0.015, Outcome.BETTER),
                new MetricComparison("log-loss", 0.25, 0.22, 0.03, 0.01, 0.05, Outcome.WORSE)));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NO_CLEAR_DIFFERENCE);
        assertThat(verdict.text("transfer", "from scratch")).isEqualTo("no clear difference (better accuracy; worse log-loss)");
    }

    @Test
    void seedsThatDisagreeWidenTheInterval() {
        assertThat(PairedComparison.seedHalfWidth(new double[] {0.01})).isZero();
        // t(0.975, 2) = 4.303; sd 0.01 over 3 seeds
        assertThat(PairedComparison.seedHalfWidth(new double[] {0.00, 0.01, 0.02}))
                .isCloseTo(4.303 * 0.01 / Math.sqrt(3), org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void deltaMFollowsEachMetricsDirection() {
        TaskComparison task = new TaskComparison("t", List.of(
                new MetricComparison("accuracy", 0.9, 0.8, 0.1, 0, 0, Outcome.BETTER),
                new MetricComparison("log-loss", 0.2, 0.4, -0.2, 0, 0, Outcome.BETTER)), Verdict.of(List.of()));

        // accuracy +12.5 %, log-loss halved: +50 %
        assertThat(DeltaM.allMetrics(List.of(task))).isCloseTo((0.125 + 0.5) / 2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(DeltaM.firstMetric(List.of(task))).isCloseTo(0.125, org.assertj.core.api.Assertions.within(1e-12));
    }
}
