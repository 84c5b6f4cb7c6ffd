package dev.mtl4j.api.spi;

import java.util.List;

/**
 * What the data says about a task's labels, for a head to size and check its output.
 *
 * @param task the task's name
 * @param kind the head's target kind
 * @param labelColumns the label columns
 * @param classes the class names, in output order, for CATEGORICAL; empty otherwise
 */
public record TargetInfo(String task, TargetKind kind, List<String> labelColumns, List<String> classes) {

    public TargetInfo {
        labelColumns = List.copyOf(labelColumns);
        classes = List.copyOf(classes);
    }

    /** The natural output width: classes for CATEGORICAL, one for BINARY, one per column otherwise. */
    public int naturalOutputs() {
        return switch (kind) {
            case CATEGORICAL -> classes.size();
            case BINARY -> 1;
            case MULTILABEL, NUMERIC -> labelColumns.size();
        };
    }
}
