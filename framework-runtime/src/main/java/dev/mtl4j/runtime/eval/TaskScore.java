package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.TargetEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task's metrics accumulated over batches of rows, in row order, so that a split of any size is
 * measured without holding its outputs: counts and sums only. Rows whose mask is 0 (label missing)
 * are skipped. Regression needs each label column's mean first (for R²): give it to the constructor.
 */
final class TaskScore {
    private static final double EPS = 1e-7;

    private final TargetKind kind;
    private final int outputs;
    private final double[] labelMeans;
    private final long[] truePositive;
    private final long[] falsePositive;
    private final long[] actualCount;
    private long counted;
    private long correct;
    private double logLoss;
    private final double[] squared;
    private final double[] absolute;
    private final double[] total;
    private final long[] cells;
    private final RankAuc auc;
    private final OrdinalScore ordinal;
    private final double threshold;

    /**
     * @param outputs values per row
     * @param labelMeans regression: each label column's mean over the present rows; otherwise null
     */
    TaskScore(TargetKind kind, int outputs, double[] labelMeans) {
        this(kind, outputs, labelMeans, TargetEncoder.DEFAULT_THRESHOLD);
    }

    /** @param threshold BINARY: the probability above which the positive value is predicted */
    TaskScore(TargetKind kind, int outputs, double[] labelMeans, double threshold) {
        this.threshold = threshold;
        this.kind = kind;
        this.outputs = outputs;
        this.labelMeans = labelMeans;
        this.truePositive = new long[outputs];
        this.falsePositive = new long[outputs];
        this.actualCount = new long[outputs];
        this.squared = new double[outputs];
        this.absolute = new double[outputs];
        this.total = new double[outputs];
        this.cells = new long[outputs];
        this.auc = kind == TargetKind.BINARY ? new RankAuc() : null;
        this.ordinal = kind == TargetKind.ORDINAL ? new OrdinalScore(outputs) : null;
    }

    /**
     * Adds {@code rows} rows, row-major: {@code predicted} and {@code labels} {@code rows * outputs}
     * values, {@code mask} null or {@code rows * maskWidth} (1 or outputs).
     */
    void add(float[] predicted, float[] labels, float[] mask, int rows) {
        if (ordinal != null) {
            ordinal.add(predicted, labels, mask, rows);
            return;
        }
        int maskWidth = mask == null ? 0 : mask.length / Math.max(rows, 1);
        for (int r = 0; r < rows; r++) {
            int at = r * outputs;
            switch (kind) {
                case CATEGORICAL -> {
                    if (present(mask, maskWidth, r, 0)) {
                        categorical(predicted, labels, at);
                    }
                }
                case BINARY, MULTILABEL -> {
                    for (int c = 0; c < outputs; c++) {
                        if (present(mask, maskWidth, r, c)) {
                            sigmoid(predicted[at + c], labels[at + c], c);
                        }
                    }
                }
                case ORDINAL -> throw new IllegalStateException("ordinal rows are scored by OrdinalScore");
                case NUMERIC -> {
                    for (int c = 0; c < outputs; c++) {
                        if (present(mask, maskWidth, r, c)) {
                            double error = predicted[at + c] - labels[at + c];
                            squared[c] += error * error;
                            absolute[c] += Math.abs(error);
                            total[c] += (labels[at + c] - labelMeans[c]) * (labels[at + c] - labelMeans[c]);
                            cells[c]++;
                        }
                    }
                }
            }
        }
    }

    private static boolean present(float[] mask, int maskWidth, int row, int column) {
        return mask == null || mask[row * maskWidth + (maskWidth == 1 ? 0 : column)] > 0;
    }

    private void categorical(float[] predicted, float[] labels, int at) {
        int actual = argmax(labels, at);
        int guess = argmax(predicted, at);
        counted++;
        actualCount[actual]++;
        falsePositive[guess]++; // predicted count, for the F1 denominator
        if (actual == guess) {
            correct++;
            truePositive[actual]++;
        }
        logLoss -= Math.log(Math.max(predicted[at + actual], EPS));
    }

    private void sigmoid(float predicted, float label, int c) {
        boolean actual = label > 0.5f;
        if (auc != null) {
            auc.add(predicted, actual);
        }
        double p = Math.min(Math.max(predicted, EPS), 1 - EPS);
        boolean guess = kind == TargetKind.BINARY ? predicted > threshold : p > 0.5;
        counted++;
        correct += actual == guess ? 1 : 0;
        truePositive[c] += actual && guess ? 1 : 0;
        falsePositive[c] += !actual && guess ? 1 : 0;
        actualCount[c] += actual && !guess ? 1 : 0; // false negatives
        logLoss -= actual ? Math.log(p) : Math.log(1 - p);
    }

    /** The metrics, in report order ({@link Metrics#names}). */
    Map<String, Double> result() {
        return switch (kind) {
            case ORDINAL -> ordinal.result();
            case CATEGORICAL -> {
                double f1Sum = 0;
                int f1Classes = 0;
                for (int c = 0; c < outputs; c++) {
                    if (actualCount[c] + falsePositive[c] == 0) {
                        continue;
                    }
                    f1Sum += 2.0 * truePositive[c] / (actualCount[c] + falsePositive[c]);
                    f1Classes++;
                }
                yield ordered("accuracy", ratio(correct, counted), "macro-f1", f1Classes == 0 ? Double.NaN : f1Sum / f1Classes,
                        "log-loss", counted == 0 ? Double.NaN : logLoss / counted);
            }
            case BINARY, MULTILABEL -> {
                double f1Sum = 0;
                for (int c = 0; c < outputs; c++) {
                    long denominator = 2 * truePositive[c] + falsePositive[c] + actualCount[c];
                    f1Sum += denominator == 0 ? 0 : 2.0 * truePositive[c] / denominator;
                }
                Map<String, Double> metrics = ordered("accuracy", ratio(correct, counted), kind == TargetKind.BINARY ? "f1" : "macro-f1",
                        outputs == 0 ? Double.NaN : f1Sum / outputs, "log-loss", counted == 0 ? Double.NaN : logLoss / counted);
                if (auc != null) {
                    metrics.put("auc", auc.value());
                }
                yield metrics;
            }
            case NUMERIC -> {
                double squares = 0;
                double absolutes = 0;
                double totals = 0;
                long n = 0;
                for (int c = 0; c < outputs; c++) {
                    squares += squared[c];
                    absolutes += absolute[c];
                    totals += total[c];
                    n += cells[c];
                }
                yield ordered("mse", n == 0 ? Double.NaN : squares / n, "mae", n == 0 ? Double.NaN : absolutes / n,
                        "r2", totals == 0 ? Double.NaN : 1 - squares / totals);
            }
        };
    }

    private int argmax(float[] values, int at) {
        int best = 0;
        for (int i = 1; i < outputs; i++) {
            if (values[at + i] > values[at + best]) {
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
