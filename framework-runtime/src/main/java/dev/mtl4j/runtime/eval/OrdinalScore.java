package dev.mtl4j.runtime.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ordinal task's metrics over batches of rows: DL4J's {@link Evaluation} on the predicted and true
 * ranks (accuracy, the confusion counts behind macro-F1), DL4J's {@link RegressionEvaluation} on the
 * ranks as numbers (the mean absolute error in ranks), and the log-loss of the true class's
 * probability. Rows whose mask is 0 are skipped.
 */
final class OrdinalScore {
    private static final double EPS = 1e-7;

    private final int thresholds;
    private final Evaluation classes;
    private final RegressionEvaluation ranks = new RegressionEvaluation(1);
    private double logLoss;
    private long counted;

    OrdinalScore(int thresholds) {
        this.thresholds = thresholds;
        this.classes = new Evaluation(thresholds + 1, null);
    }

    /** {@code predicted} and {@code labels}: {@code rows × thresholds}, row-major; {@code mask} null or one value per row. */
    void add(float[] predicted, float[] labels, float[] mask, int rows) {
        float[] actualRanks = new float[rows];
        float[] guessedRanks = new float[rows];
        int present = 0;
        for (int r = 0; r < rows; r++) {
            if (mask != null && mask[r] <= 0) {
                continue;
            }
            int at = r * thresholds;
            int actual = OrdinalRanks.rank(labels, at, thresholds);
            int guess = OrdinalRanks.rank(predicted, at, thresholds);
            classes.eval(guess, actual);
            logLoss -= Math.log(Math.max(OrdinalRanks.probabilities(predicted, at, thresholds)[actual], EPS));
            actualRanks[present] = actual;
            guessedRanks[present] = guess;
            present++;
            counted++;
        }
        if (present > 0) {
            // outside the scoring workspace: the evaluation keeps its sums in arrays it creates on first use
            try (MemoryWorkspace detached = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                ranks.eval(Nd4j.create(java.util.Arrays.copyOf(actualRanks, present), present, 1).castTo(DataType.DOUBLE),
                        Nd4j.create(java.util.Arrays.copyOf(guessedRanks, present), present, 1).castTo(DataType.DOUBLE));
            }
        }
    }

    /** accuracy, rank-mae, macro-f1 (over the classes that occur or are predicted), log-loss. */
    Map<String, Double> result() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", counted == 0 ? Double.NaN : classes.accuracy());
        metrics.put("rank-mae", counted == 0 ? Double.NaN : ranks.meanAbsoluteError(0));
        metrics.put("macro-f1", macroF1());
        metrics.put("log-loss", counted == 0 ? Double.NaN : logLoss / counted);
        return metrics;
    }

    /** As the classification metric: classes neither present nor predicted do not count. */
    private double macroF1() {
        var confusion = classes.getConfusionMatrix();
        double sum = 0;
        int counting = 0;
        for (int c = 0; c <= thresholds; c++) {
            int actual = confusion.getActualTotal(c);
            int predicted = confusion.getPredictedTotal(c);
            if (actual + predicted == 0) {
                continue;
            }
            sum += 2.0 * confusion.getCount(c, c) / (actual + predicted);
            counting++;
        }
        return counting == 0 ? Double.NaN : sum / counting;
    }

    /** The DL4J evaluation of the ranks as classes, for a report's confusion matrix. */
    Evaluation classes() {
        return classes;
    }
}
