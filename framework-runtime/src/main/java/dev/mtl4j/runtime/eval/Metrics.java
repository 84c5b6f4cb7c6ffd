package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.spi.TargetKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-task metrics from predictions and labels as plain float rows. Rows whose mask is 0 (label
 * missing) are skipped. Classification: accuracy, macro-F1, log-loss. Binary: accuracy, F1 of the
 * positive class, log-loss. Multilabel: per-label accuracy, macro-F1 over labels, log-loss.
 * Regression (in original units): mse, mae, r2.
 */
public final class Metrics {
    private static final double EPS = 1e-7;

    private Metrics() {
    }

    /** Metric names of a target kind, in report order. */
    public static java.util.List<String> names(TargetKind kind) {
        return switch (kind) {
            case CATEGORICAL -> java.util.List.of("accuracy", "macro-f1", "log-loss");
            case BINARY -> java.util.List.of("accuracy", "f1", "log-loss");
            case MULTILABEL -> java.util.List.of("accuracy", "macro-f1", "log-loss");
            case NUMERIC -> java.util.List.of("mse", "mae", "r2");
        };
    }

    /**
     * @param predicted [rows][outputs] network outputs (probabilities, or values in original units)
     * @param labels [rows][outputs] one-hot / 0-1 labels, or values in original units
     * @param mask [rows][1 or outputs], or null when every label is present
     */
    public static Map<String, Double> compute(TargetKind kind, float[][] predicted, float[][] labels, float[][] mask) {
        return switch (kind) {
            case CATEGORICAL -> categorical(predicted, labels, mask);
            case BINARY, MULTILABEL -> sigmoid(kind, predicted, labels, mask);
            case NUMERIC -> numeric(predicted, labels, mask);
        };
    }

    private static boolean present(float[][] mask, int row, int column) {
        return mask == null || mask[row][mask[row].length == 1 ? 0 : column] > 0;
    }

    private static Map<String, Double> categorical(float[][] predicted, float[][] labels, float[][] mask) {
        int classes = labels.length == 0 ? 0 : labels[0].length;
        long[] truePositive = new long[classes];
        long[] predictedCount = new long[classes];
        long[] actualCount = new long[classes];
        long rows = 0;
        long correct = 0;
        double logLoss = 0;
        for (int r = 0; r < labels.length; r++) {
            if (!present(mask, r, 0)) {
                continue;
            }
            int actual = argmax(labels[r]);
            int guess = argmax(predicted[r]);
            rows++;
            actualCount[actual]++;
            predictedCount[guess]++;
            if (actual == guess) {
                correct++;
                truePositive[actual]++;
            }
            logLoss -= Math.log(Math.max(predicted[r][actual], EPS));
        }
        double f1Sum = 0;
        int f1Classes = 0;
        for (int c = 0; c < classes; c++) {
            if (actualCount[c] + predictedCount[c] == 0) {
                continue;
            }
            f1Sum += 2.0 * truePositive[c] / (actualCount[c] + predictedCount[c]);
            f1Classes++;
        }
        return ordered("accuracy", ratio(correct, rows), "macro-f1", f1Classes == 0 ? Double.NaN : f1Sum / f1Classes,
                "log-loss", rows == 0 ? Double.NaN : logLoss / rows);
    }

    private static Map<String, Double> sigmoid(TargetKind kind, float[][] predicted, float[][] labels, float[][] mask) {
        int outputs = labels.length == 0 ? 0 : labels[0].length;
        long[] tp = new long[outputs];
        long[] fp = new long[outputs];
        long[] fn = new long[outputs];
        long cells = 0;
        long correct = 0;
        double logLoss = 0;
        for (int r = 0; r < labels.length; r++) {
            for (int c = 0; c < outputs; c++) {
                if (!present(mask, r, c)) {
                    continue;
                }
                boolean actual = labels[r][c] > 0.5f;
                double p = Math.min(Math.max(predicted[r][c], EPS), 1 - EPS);
                boolean guess = p > 0.5;
                cells++;
                correct += actual == guess ? 1 : 0;
                tp[c] += actual && guess ? 1 : 0;
                fp[c] += !actual && guess ? 1 : 0;
                fn[c] += actual && !guess ? 1 : 0;
                logLoss -= actual ? Math.log(p) : Math.log(1 - p);
            }
        }
        double f1Sum = 0;
        for (int c = 0; c < outputs; c++) {
            long denominator = 2 * tp[c] + fp[c] + fn[c];
            f1Sum += denominator == 0 ? 0 : 2.0 * tp[c] / denominator;
        }
        double f1 = outputs == 0 ? Double.NaN : f1Sum / outputs;
        return ordered("accuracy", ratio(correct, cells), kind == TargetKind.BINARY ? "f1" : "macro-f1", f1,
                "log-loss", cells == 0 ? Double.NaN : logLoss / cells);
    }

    private static Map<String, Double> numeric(float[][] predicted, float[][] labels, float[][] mask) {
        int outputs = labels.length == 0 ? 0 : labels[0].length;
        double squared = 0;
        double absolute = 0;
        double residual = 0;
        double total = 0;
        long cells = 0;
        for (int c = 0; c < outputs; c++) {
            double sum = 0;
            long n = 0;
            for (int r = 0; r < labels.length; r++) {
                if (present(mask, r, c)) {
                    sum += labels[r][c];
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            for (int r = 0; r < labels.length; r++) {
                if (!present(mask, r, c)) {
                    continue;
                }
                double error = predicted[r][c] - labels[r][c];
                squared += error * error;
                absolute += Math.abs(error);
                residual += error * error;
                total += (labels[r][c] - mean) * (labels[r][c] - mean);
                cells++;
            }
        }
        return ordered("mse", cells == 0 ? Double.NaN : squared / cells, "mae", cells == 0 ? Double.NaN : absolute / cells,
                "r2", total == 0 ? Double.NaN : 1 - residual / total);
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private static Map<String, Double> ordered(String k1, double v1, String k2, double v2, String k3, double v3) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        return map;
    }
}
