package dev.mtl4j.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.spi.TargetKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Confusion matrices, per-class scores, ROC curves and regression pairs, as DL4J's evaluators count them. */
final class EvaluatorDetailsTest {

    @Test
    void classificationGivesTheConfusionMatrixAndPerClassScores() {
        TaskDetailsEvaluation evaluation = new TaskDetailsEvaluation(TargetKind.CATEGORICAL, 3, null);
        // actual 0,0,1,2,2 ; predicted 0,1,1,2,0
        evaluation.add(Nd4j.create(new float[][] {{.8f, .1f, .1f}, {.2f, .7f, .1f}, {.1f, .8f, .1f}, {.1f, .1f, .8f}, {.5f, .2f, .3f}}),
                Nd4j.create(new float[][] {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}}), null);

        TaskDetails details = evaluation.details(List.of("a", "b", "c"));

        assertThat(details.confusion()).isDeepEqualTo(new long[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 1}});
        TaskDetails.ClassScores a = details.perClass().get(0);
        assertThat(a.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(a.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(a.support()).isEqualTo(2);
        assertThat(details.perClass().get(1).precision()).isCloseTo(0.5, within(1e-9));
        assertThat(details.perClass().get(1).recall()).isCloseTo(1.0, within(1e-9));
        assertThat(details.perClass().get(2).precision()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void binaryGivesBothClassesAndTheRocCurve() {
        TaskDetailsEvaluation evaluation = new TaskDetailsEvaluation(TargetKind.BINARY, 1, null);
        evaluation.add(Nd4j.create(new float[][] {{.9f}, {.4f}, {.6f}, {.1f}}), Nd4j.create(new float[][] {{1}, {1}, {0}, {0}}), null);

        TaskDetails details = evaluation.details(List.of("ham", "spam"));

        // threshold 0.5: tp 1 (0.9), fn 1 (0.4), fp 1 (0.6), tn 1 (0.1)
        assertThat(details.confusion()).isDeepEqualTo(new long[][] {{1, 1}, {1, 1}});
        assertThat(details.perClass()).extracting(TaskDetails.ClassScores::name).containsExactly("ham", "spam");
        assertThat(details.roc().auc()).isCloseTo(0.75, within(1e-9));
        assertThat(details.roc().fpr()).startsWith(0.0).endsWith(1.0);
        assertThat(details.roc().tpr()).endsWith(1.0);
    }

    @Test
    void regressionKeepsAStrideOfRowsForAPlot() {
        PairSample sample = new PairSample(1, 10, 5);
        TaskDetailsEvaluation evaluation = new TaskDetailsEvaluation(TargetKind.NUMERIC, 1, sample);
        float[][] values = new float[10][1];
        for (int i = 0; i < 10; i++) {
            values[i][0] = i;
        }
        evaluation.add(Nd4j.create(values), Nd4j.create(values), null);

        TaskDetails.Pairs pairs = evaluation.details(List.of("ink")).pairs().get(0);

        assertThat(pairs.actual()).containsExactly(0, 2, 4, 6, 8);
        assertThat(pairs.predicted()).containsExactly(0, 2, 4, 6, 8);
    }
}
