package dev.mtl4j.api.spec;

import java.util.List;

/**
 * A task's own data set, for pipelines in which tasks do not share one table (each NLP task of
 * jiant or MT-DNN comes with its own file, of its own size). Which columns are features, and how
 * they are encoded, is declared once for the pipeline ({@link DataSpec#features()}): every task's
 * file must have those columns, so that the shared encoder reads one kind of input. The encodings
 * (standardisation, category vocabularies) are fitted on the union of the tasks' training rows.
 *
 * @param source the data-set component that reads this task's rows
 * @param split how this task's rows are split into train, validation and test
 * @param drop columns of this file never used as features even when a pattern matches them
 */
public record TaskDataSpec(ComponentSpec source, SplitSpec split, List<String> drop) {

    public TaskDataSpec {
        SpecException.require(source != null, "source", "is required");
        split = split == null ? SplitSpec.defaults() : split;
        drop = drop == null ? List.of() : List.copyOf(drop);
    }

    public TaskDataSpec(ComponentSpec source, SplitSpec split) {
        this(source, split, List.of());
    }

    /** Whether this data set holds validation rows (a validation fraction, or a split column that may name some). */
    public boolean mayHaveValidation() {
        return split.column() != null || split.validation() > 0;
    }
}
