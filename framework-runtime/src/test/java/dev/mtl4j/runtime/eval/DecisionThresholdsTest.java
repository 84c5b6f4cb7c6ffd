package dev.mtl4j.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The F1-best cut of a binary task's validation scores. */
final class DecisionThresholdsTest {

    @Test
    void theCutWithTheBestF1IsMidwayBetweenTwoScores() {
        // positives at 0.9, 0.4, 0.35; negatives at 0.6, 0.3, 0.1: cutting at 0.325 gives 3 TP, 1 FP, F1 6/7
        List<Float> scores = List.of(0.9f, 0.6f, 0.4f, 0.35f, 0.3f, 0.1f);
        List<Boolean> positive = List.of(true, false, true, true, false, false);

        assertThat(DecisionThresholds.bestF1(scores, positive)).isCloseTo(0.325, within(1e-6));
    }

    @Test
    void tiedScoresAreNeverSplit() {
        // a cut between the two 0.7s would give F1 1; the cuts there are give 2/3 (0.75), 4/5 (0.4), 2/3 (0.05)
        List<Float> scores = List.of(0.8f, 0.7f, 0.7f, 0.1f);
        List<Boolean> positive = List.of(true, true, false, false);

        assertThat(DecisionThresholds.bestF1(scores, positive)).isCloseTo(0.4, within(1e-6));
    }

    @Test
    void ofEquallyGoodCutsTheHighestIsKept() {
        // F1 at 0.85: 2/3; at 0.75: 1/2; at 0.65: 2/5; at 0.3: 2/3 again
        List<Float> scores = List.of(0.9f, 0.8f, 0.7f, 0.6f);
        List<Boolean> positive = List.of(true, false, false, true);

        assertThat(DecisionThresholds.bestF1(scores, positive)).isCloseTo(0.85, within(1e-6));
    }

    @Test
    void withoutPositivesTheThresholdStaysAtOneHalf() {
        assertThat(DecisionThresholds.bestF1(List.of(0.2f, 0.9f), List.of(false, false))).isEqualTo(0.5);
    }
}
