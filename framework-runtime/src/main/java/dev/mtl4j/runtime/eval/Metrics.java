package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.spi.TargetKind;
import java.util.List;
import java.util.Map;

/**
 * Per-task metrics from predictions and labels. Rows whose mask is 0 (label missing) are skipped.
 * Classification: accuracy, macro-F1, log-loss. Binary: accuracy, F1 of the positive class, log-loss,
 * ROC AUC.
 * Multilabel: per-label accuracy, macro-F1 over labels, log-loss. Regression (in original units): mse,
 * mae, r2. Ordinal: accuracy of the predicted rank, its mean absolute error in ranks, macro-F1 over the
 * classes, log-loss of the classes' probabilities ({@link OrdinalRanks}). The sums are kept by {@link TaskScore}, which the evaluator feeds batch by batch.
 */
public final class Metrics {

    private Metrics() {
    }

    /** Metric names of a target kind, in report order. */
    public static List<String> names(TargetKind kind) {
        return switch (kind) {
            case CATEGORICAL -> List.of("accuracy", "macro-f1", "log-loss");
            case BINARY -> List.of("accuracy", "f1", "log-loss", "auc");
            case MULTILABEL -> List.of("accuracy", "macro-f1", "log-loss");
            case NUMERIC -> List.of("mse", "mae", "r2");
            case ORDINAL -> List.of("accuracy", "rank-mae", "macro-f1", "log-loss");
        };
    }

    /** Whether a larger value of the metric is better (accuracy, F1, AUC, R²) rather than smaller (losses, errors). */
    public static boolean higherIsBetter(String metric) {
        return !dev.mtl4j.api.spec.EarlyStoppingSpec.lowerIsBetter(metric);
    }

    /**
     * @param predicted [rows][outputs] network outputs (probabilities, or values in original units)
     * @param labels [rows][outputs] one-hot / 0-1 labels, or values in original units
     * @param mask [rows][1 or outputs], or null when every label is present
     */
    public static Map<String, Double> compute(TargetKind kind, float[][] predicted, float[][] labels, float[][] mask) {
        int rows = labels.length;
        int outputs = rows == 0 ? 0 : labels[0].length;
        int maskWidth = mask == null || rows == 0 ? 0 : mask[0].length;
        return compute(kind, outputs, flat(predicted), flat(labels), mask == null ? null : flat(mask), maskWidth);
    }

    /**
     * As {@link #compute(TargetKind, float[][], float[][], float[][])} on flat, row-major arrays.
     *
     * @param outputs values per row
     * @param mask {@code rows × maskWidth} values (1 or {@code outputs} per row), or null when every label is present
     */
    public static Map<String, Double> compute(TargetKind kind, int outputs, float[] predicted, float[] labels, float[] mask,
                                              int maskWidth) {
        int rows = outputs == 0 ? 0 : labels.length / outputs;
        double[] means = null;
        if (kind == TargetKind.NUMERIC) {
            LabelMean mean = new LabelMean(outputs);
            mean.add(labels, mask, rows);
            means = mean.means();
        }
        TaskScore score = new TaskScore(kind, outputs, means);
        score.add(predicted, labels, mask, rows);
        return score.result();
    }

    private static float[] flat(float[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * width, width);
        }
        return flat;
    }
}
