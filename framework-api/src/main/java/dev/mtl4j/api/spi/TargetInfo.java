package dev.mtl4j.api.spi;

import java.util.List;

/**
 * What the data says about a task's labels, for a head to size and check its output and to weigh
 * its loss.
 *
 * @param task the task's name
 * @param kind the head's target kind
 * @param labelColumns the label columns
 * @param classes the class names in output order: the classes for CATEGORICAL, the negative then
 *     the positive value for BINARY, the classes lowest first for ORDINAL; empty otherwise
 * @param counts training rows per class, in the order of {@code classes} (CATEGORICAL, BINARY, ORDINAL), or
 *     positive rows per label column (MULTILABEL); empty for NUMERIC and when unknown (a model saved
 *     before counts were kept)
 * @param labelled training rows with a label: one number, or one per label column (MULTILABEL);
 *     empty when unknown
 */
public record TargetInfo(String task, TargetKind kind, List<String> labelColumns, List<String> classes,
                         List<Long> counts, List<Long> labelled) {

    public TargetInfo {
        labelColumns = List.copyOf(labelColumns);
        classes = List.copyOf(classes);
        counts = List.copyOf(counts);
        labelled = List.copyOf(labelled);
    }

    /** Without training-row counts. */
    public TargetInfo(String task, TargetKind kind, List<String> labelColumns, List<String> classes) {
        this(task, kind, labelColumns, classes, List.of(), List.of());
    }

    /**
     * The natural output width: classes for CATEGORICAL, one for BINARY, one threshold between each two
     * neighbouring classes (classes - 1) for ORDINAL, one per column otherwise.
     */
    public int naturalOutputs() {
        return switch (kind) {
            case CATEGORICAL -> classes.size();
            case ORDINAL -> classes.size() - 1;
            case BINARY -> 1;
            case MULTILABEL, NUMERIC -> labelColumns.size();
        };
    }

    /** Whether the training-row counts are known (models saved before they were kept have none). */
    public boolean hasCounts() {
        return !counts.isEmpty() && !labelled.isEmpty();
    }
}
