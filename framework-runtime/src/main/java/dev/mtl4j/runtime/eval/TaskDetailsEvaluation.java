package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.spi.TargetKind;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.EvaluationBinary;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.curves.RocCurve;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a report shows of one task beyond its metrics, accumulated batch by batch in DL4J's
 * evaluators: {@link Evaluation} (confusion matrix, per-class precision, recall and F1) for a
 * classification task and for a binary one (as its two classes), the exact {@link ROC} curve of a
 * binary task, {@link EvaluationBinary} per label of a multilabel task, and sampled (true, predicted)
 * pairs of a regression task. Rows whose label is missing (mask 0) are left out.
 *
 * <p>These evaluators cost far more per row than the metrics' own counts ({@link TaskScore}):
 * measured on 100,000 rows, DL4J's {@code Evaluation} took about 2 s, {@code EvaluationBinary} 7 s and
 * the exact {@code ROC} 17 s, against milliseconds for the counts. So they serve one split, once,
 * over at most {@link Evaluator#DETAIL_ROWS} rows, and never the per-epoch metrics.
 */
final class TaskDetailsEvaluation {
    private static final int CURVE_POINTS = 200;

    private final TargetKind kind;
    private final int outputs;
    private final Evaluation classes;
    private final EvaluationBinary labels;
    private final ROC roc;
    private final PairSample pairs;
    private final double threshold;

    /** @param pairs regression: the pairs kept for a plot */
    TaskDetailsEvaluation(TargetKind kind, int outputs, PairSample pairs) {
        this(kind, outputs, pairs, 0.5);
    }

    /**
     * @param pairs regression: the pairs kept for a plot
     * @param threshold binary: the probability above which the positive value is predicted
     */
    TaskDetailsEvaluation(TargetKind kind, int outputs, PairSample pairs, double threshold) {
        this.threshold = threshold;
        this.kind = kind;
        this.outputs = outputs;
        // no "binary positive class": with two classes DL4J would otherwise answer averages with class 1's scores
        this.classes = kind == TargetKind.CATEGORICAL || kind == TargetKind.BINARY || kind == TargetKind.ORDINAL
                ? new Evaluation(kind == TargetKind.BINARY ? 2 : kind == TargetKind.ORDINAL ? outputs + 1 : outputs, null) : null;
        this.labels = kind == TargetKind.MULTILABEL ? new EvaluationBinary(outputs, null) : null;
        // 0 threshold steps: the exact curve, every distinct score a threshold (DL4J's thresholded mode was slower still)
        this.roc = kind == TargetKind.BINARY ? new ROC(0) : null;
        this.pairs = kind == TargetKind.NUMERIC ? pairs : null;
    }

    /**
     * @param predicted {@code [rows, outputs]} probabilities, or values in the target's units
     * @param actual {@code [rows, outputs]} one-hot or 0/1 labels, or values in the target's units
     * @param mask {@code [rows, 1]} or {@code [rows, outputs]}, 1 where the label is present; null when every one is
     */
    void add(INDArray predicted, INDArray actual, INDArray mask) {
        INDArray p = predicted.castTo(DataType.DOUBLE);
        INDArray y = actual.castTo(DataType.DOUBLE);
        INDArray m = mask == null ? null : mask.castTo(DataType.DOUBLE);
        switch (kind) {
            case CATEGORICAL -> classes.eval(y, p, m == null ? null : m.getColumn(0, true));
            case BINARY -> {
                INDArray rows = m == null ? null : m.getColumn(0, true);
                // the decision at the task's threshold as the two classes (1 - d, d), labels likewise
                INDArray decided = p.gt(threshold).castTo(DataType.DOUBLE);
                classes.eval(Nd4j.hstack(y.rsub(1), y), Nd4j.hstack(decided.rsub(1), decided), rows);
                roc.eval(y, p, rows);
            }
            case MULTILABEL -> labels.eval(y, p, m == null ? null : m.size(1) == y.size(1) ? m : m.repeat(1, y.size(1)));
            case NUMERIC -> pairs.add(y, p, m == null ? null : m.size(1) == y.size(1) ? m : m.repeat(1, y.size(1)));
            case ORDINAL -> ranks(predicted, actual, mask);
        }
    }

    /**
     * @param names the name of each output: class names (binary: the negative then the positive class), or label columns
     */
    TaskDetails details(List<String> names) {
        return switch (kind) {
            case CATEGORICAL, BINARY, ORDINAL -> new TaskDetails(kind, names, confusion(names.size()), perClass(names),
                    kind == TargetKind.BINARY ? curve() : null, null);
            case MULTILABEL -> new TaskDetails(kind, names, null, perLabel(names), null, null);
            case NUMERIC -> new TaskDetails(kind, names, null, null, null, pairs.pairs(names));
        };
    }

    /** ORDINAL: the predicted rank (thresholds passed) against the true rank, as classes. */
    private void ranks(INDArray predicted, INDArray actual, INDArray mask) {
        float[] p = Predictor.values(predicted);
        float[] y = Predictor.values(actual);
        for (int r = 0; r < actual.size(0); r++) {
            if (mask == null || mask.getDouble(r, 0) > 0) {
                classes.eval(OrdinalRanks.rank(p, r * outputs, outputs), OrdinalRanks.rank(y, r * outputs, outputs));
            }
        }
    }

    private long[][] confusion(int size) {
        long[][] counts = new long[size][size];
        for (int actual = 0; actual < size; actual++) {
            for (int guess = 0; guess < size; guess++) {
                counts[actual][guess] = classes.getConfusionMatrix().getCount(actual, guess);
            }
        }
        return counts;
    }

    /** Precision, recall and F1 from DL4J's confusion counts; NaN where undefined (0/0) rather than DL4J's edge value. */
    private List<TaskDetails.ClassScores> perClass(List<String> names) {
        List<TaskDetails.ClassScores> scores = new ArrayList<>();
        var confusion = classes.getConfusionMatrix();
        for (int c = 0; c < names.size(); c++) {
            int support = confusion.getActualTotal(c);
            int predicted = confusion.getPredictedTotal(c);
            scores.add(new TaskDetails.ClassScores(names.get(c), predicted == 0 ? Double.NaN : classes.precision(c),
                    support == 0 ? Double.NaN : classes.recall(c), support + predicted == 0 ? Double.NaN : classes.f1(c), support));
        }
        return scores;
    }

    private List<TaskDetails.ClassScores> perLabel(List<String> names) {
        List<TaskDetails.ClassScores> scores = new ArrayList<>();
        for (int c = 0; c < outputs; c++) {
            long tp = labels.getCountTruePositive()[c];
            long fp = labels.getCountFalsePositive()[c];
            long fn = labels.getCountFalseNegative()[c];
            scores.add(new TaskDetails.ClassScores(names.get(c), tp + fp == 0 ? Double.NaN : labels.precision(c),
                    tp + fn == 0 ? Double.NaN : labels.recall(c), 2 * tp + fp + fn == 0 ? Double.NaN : labels.f1(c), tp + fn));
        }
        return scores;
    }

    /** The ROC curve thinned to at most {@link #CURVE_POINTS} points (its ends kept), with the AUC of the whole curve. */
    private TaskDetails.Roc curve() {
        if (roc.getCountActualPositive() == 0 || roc.getCountActualNegative() == 0) {
            return null;
        }
        RocCurve full = roc.getRocCurve();
        double[] fpr = full.getFpr();
        double[] tpr = full.getTpr();
        int step = Math.max(1, (fpr.length + CURVE_POINTS - 1) / CURVE_POINTS);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < fpr.length; i += step) {
            kept.add(new double[] {fpr[i], tpr[i]});
        }
        if ((fpr.length - 1) % step != 0) {
            kept.add(new double[] {fpr[fpr.length - 1], tpr[tpr.length - 1]});
        }
        return new TaskDetails.Roc(roc.calculateAUC(), kept.stream().mapToDouble(p -> p[0]).toArray(),
                kept.stream().mapToDouble(p -> p[1]).toArray());
    }
}
