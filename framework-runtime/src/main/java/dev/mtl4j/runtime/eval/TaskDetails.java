package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.spi.TargetKind;
import java.util.List;

/**
 * What a report shows of one task beyond its metrics, on one split.
 *
 * @param kind the task's target kind
 * @param outputs the class names (classification; for binary the negative then the positive class; for
 *     ordinal the classes lowest first, the confusion counts comparing predicted and true ranks),
 *     the label columns (multilabel, regression)
 * @param confusion actual (row) by predicted (column) counts, in {@code outputs} order; null for
 *     multilabel and regression
 * @param perClass precision, recall and F1 per class (per label for multilabel); null for regression
 * @param roc the ROC curve of a binary task, or null
 * @param pairs sampled (true, predicted) values per output column of a regression task, or null
 */
public record TaskDetails(TargetKind kind, List<String> outputs, long[][] confusion, List<ClassScores> perClass, Roc roc,
                          List<Pairs> pairs) {

    /** A class's (or label's) scores; NaN where undefined (no such predictions, or no such rows). */
    public record ClassScores(String name, double precision, double recall, double f1, long support) {
    }

    /** The ROC curve: false and true positive rates at each threshold, and the area under it. */
    public record Roc(double auc, double[] fpr, double[] tpr) {
    }

    /** Sampled rows of one output column: true and predicted values, in the target's units. */
    public record Pairs(String output, double[] actual, double[] predicted) {
    }
}
