package dev.mtl4j.api.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param rename columns of this file to read under another name (file column to pipeline name), so
 *     that files naming the same input differently ({@code review}, {@code body}) feed one feature
 */
public record TaskDataSpec(ComponentSpec source, SplitSpec split, List<String> drop, Map<String, String> rename) {

    public TaskDataSpec {
        SpecException.require(source != null, "source", "is required");
        split = split == null ? SplitSpec.defaults() : split;
        drop = drop == null ? List.of() : List.copyOf(drop);
        rename = rename == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rename));
        for (Map.Entry<String, String> entry : rename.entrySet()) {
            SpecException.requireName(entry.getKey(), "rename");
            SpecException.requireName(entry.getValue(), "rename." + entry.getKey());
        }
        SpecException.require(rename.values().stream().distinct().count() == rename.size(), "rename",
                "gives two columns the same name: " + rename);
    }

    public TaskDataSpec(ComponentSpec source, SplitSpec split, List<String> drop) {
        this(source, split, drop, Map.of());
    }

    public TaskDataSpec(ComponentSpec source, SplitSpec split) {
        this(source, split, List.of(), Map.of());
    }

    /** Whether this data set holds validation rows (a validation fraction, or a split column that may name some). */
    public boolean mayHaveValidation() {
        return split.column() != null || split.validation() > 0;
    }
}
