package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits a pipeline's preprocessing on its data sets' training rows: one data set when every task
 * reads the pipeline's rows, several when tasks bring their own. The shared encoder reads one kind
 * of input, so every data set must have the same feature columns (the pipeline's declarations
 * resolved in each file alone), and the feature encodings — standardisation, category
 * vocabularies, text featurisation — are fitted on the union of all data sets' training rows, each
 * data set a chunk read in its own table (no union table is made). Each task's labels are encoded
 * from its own data set's training rows.
 */
public final class UnionFit {
    private UnionFit() {
    }

    /**
     * @param tasks every task of the pipeline, in order
     * @throws MtlException DATA_INVALID naming the file and column when the data sets' feature columns differ
     */
    public static Preprocessor fit(DataSpec data, List<TaskDataSet> sets, List<TaskSpec> tasks,
                                   Map<String, TargetRequest> kinds) {
        return fit(data, sets, tasks, kinds, null, TextProgress.NONE);
    }

    /**
     * As {@link #fit(DataSpec, List, List, Map)}, text columns featurised by {@code textEncoder}
     * (its vocabulary learned from, or its language model run over, the union of the training rows).
     */
    public static Preprocessor fit(DataSpec data, List<TaskDataSet> sets, List<TaskSpec> tasks,
                                   Map<String, TargetRequest> kinds, TextEncoder textEncoder, TextProgress progress) {
        List<List<FeatureColumn>> resolved = new ArrayList<>();
        for (TaskDataSet set : sets) {
            resolved.add(FeatureResolver.resolve(data, set.key(), set.drop(), set.tasks(), set.splitColumn(), set.table()));
        }
        List<FeatureColumn> columns = resolved.get(0);
        sameColumns(sets, resolved);
        List<Rows> training = sets.stream().map(s -> new Rows(s.table(), s.splits().train())).toList();
        FeatureEncoder features = FeatureEncoder.fit(training, columns, data.unseen(), textEncoder, progress);
        Map<String, TargetEncoder> targets = new LinkedHashMap<>();
        for (TaskSpec task : tasks) {
            TaskDataSet set = sets.stream().filter(s -> s.taskNames().contains(task.name())).findFirst().orElseThrow();
            TargetRequest kind = kinds.get(task.name());
            if (kind == null) {
                throw new IllegalArgumentException("no target kind for task '" + task.name() + "' in " + kinds);
            }
            targets.put(task.name(), TargetEncoder.fit(task, kind, set.table(), set.splits().train()));
        }
        Set<String> unused = new LinkedHashSet<>();
        for (TaskDataSet set : sets) {
            unused.addAll(FeatureResolver.unused(data, set.drop(), set.tasks(), set.splitColumn(), set.table()));
        }
        return Preprocessor.of(features, targets, List.copyOf(unused));
    }

    /** Every data set must resolve to the first one's feature columns: one kind of input for one encoder. */
    private static void sameColumns(List<TaskDataSet> sets, List<List<FeatureColumn>> resolved) {
        Set<String> expected = names(resolved.get(0));
        List<Problem> problems = new ArrayList<>();
        for (int i = 1; i < sets.size(); i++) {
            Set<String> found = names(resolved.get(i));
            RawTable table = sets.get(i).table();
            for (String column : expected) {
                if (!found.contains(column)) {
                    problems.add(Problem.keyed(sets.get(i).key() + ".source", table.origin() + " has no feature column '"
                            + column + "'; every task's file must have the pipeline's feature columns, and "
                            + sets.get(0).table().origin() + " has it" + ColumnNames.didYouMean(column, table.columns())));
                }
            }
            for (String column : found) {
                if (!expected.contains(column)) {
                    problems.add(Problem.keyed(sets.get(i).key() + ".source", "column '" + column + "' of "
                            + table.origin() + " matches the pipeline's features, but " + sets.get(0).table().origin()
                            + " has no such column; every task's file must have the same feature columns (drop it with "
                            + sets.get(i).key() + ".drop)"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MtlException(ErrorCategory.DATA_INVALID, problems, null);
        }
    }

    private static Set<String> names(List<FeatureColumn> columns) {
        Set<String> names = new LinkedHashSet<>();
        columns.forEach(c -> names.add(c.column()));
        return names;
    }
}
