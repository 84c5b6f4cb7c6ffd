package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.FeatureSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which columns are features: the table's columns in file order that some declaration
 * matches (an exact name wins over globs, else the first matching glob in declared order), less
 * every label column, every dropped column and the split column. Every column the pipeline names
 * must exist; all such problems are reported together.
 */
public final class FeatureResolver {

    private FeatureResolver() {
    }

    public static List<FeatureColumn> resolve(PipelineSpec spec, RawTable table) {
        return resolve(spec.data(), "data", spec.data().drop(), spec.tasks(), spec.data().split().column(), table);
    }

    /**
     * The feature columns of one table read by {@code tasks} (with tasks that bring their own data,
     * each file is resolved alone): the pipeline's feature declarations, less {@code drop}, these
     * tasks' label columns and the split column. Each problem names the key that asks for the column
     * ({@code dataKey} is the data section that drops and splits: {@code data} or {@code tasks.T.data}).
     */
    public static List<FeatureColumn> resolve(DataSpec data, String dataKey, List<String> drop, List<TaskSpec> tasks,
                                              String split, RawTable table) {
        String file = table.origin();
        List<String> columns = table.columns();
        String listing = " (columns: " + ColumnNames.list(columns) + ")";
        List<Problem> problems = new ArrayList<>();
        for (FeatureSpec feature : data.features()) {
            if (!feature.isGlob() && !columns.contains(feature.pattern())) {
                problems.add(Problem.keyed("data.features." + feature.pattern(), file + " has no column '"
                        + feature.pattern() + "'" + listing + ColumnNames.didYouMean(feature.pattern(), columns)));
            }
        }
        for (String dropped : drop) {
            if (!columns.contains(dropped)) {
                problems.add(Problem.keyed(dataKey + ".drop", file + " has no column '" + dropped + "' to drop"
                        + listing + ColumnNames.didYouMean(dropped, columns)));
            }
        }
        Set<String> labels = new HashSet<>();
        for (TaskSpec task : tasks) {
            for (String label : task.labels()) {
                labels.add(label);
                if (!columns.contains(label)) {
                    problems.add(missingLabel(task.name(), label, table));
                }
            }
        }
        if (split != null && !columns.contains(split)) {
            problems.add(Problem.keyed(dataKey + ".split.column", file + " has no split column '" + split + "'"
                    + listing + ColumnNames.didYouMean(split, columns)));
        }
        if (!problems.isEmpty()) {
            throw new MtlException(ErrorCategory.DATA_INVALID, problems, null);
        }
        Set<String> excluded = new HashSet<>(labels);
        excluded.addAll(drop);
        if (split != null) {
            excluded.add(split);
        }
        List<FeatureColumn> features = new ArrayList<>();
        for (String column : columns) {
            FeatureSpec match = match(data.features(), column);
            if (match != null && !excluded.contains(column)) {
                features.add(new FeatureColumn(column, match));
            }
        }
        if (features.isEmpty()) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed("data.features", "no feature columns: the"
                    + " declared features " + data.features().stream().map(FeatureSpec::pattern).toList()
                    + " match no column of " + file + " other than labels, dropped columns and the split column" + listing));
        }
        return features;
    }

    /**
     * The columns of {@code table} that nothing reads: no feature declaration matches them, and they
     * are no label of {@code tasks}, not dropped and not the split column. Said in the training log,
     * since a column left out of {@code data.features} by mistake is otherwise ignored without a word.
     */
    public static List<String> unused(DataSpec data, List<String> drop, List<TaskSpec> tasks, String split, RawTable table) {
        Set<String> read = new HashSet<>(drop);
        tasks.forEach(task -> read.addAll(task.labels()));
        if (split != null) {
            read.add(split);
        }
        return table.columns().stream().filter(c -> !read.contains(c) && match(data.features(), c) == null).toList();
    }

    /** {@code tasks.T.labels}: "task 'T' reads labels from column 'X', which FILE does not have (columns: ...)". */
    static Problem missingLabel(String task, String label, RawTable table) {
        return Problem.keyed("tasks." + task + ".labels", "task '" + task + "' reads labels from column '" + label
                + "', which " + table.origin() + " does not have (columns: " + ColumnNames.list(table.columns()) + ")"
                + ColumnNames.didYouMean(label, table.columns()));
    }

    private static FeatureSpec match(List<FeatureSpec> features, String column) {
        for (FeatureSpec feature : features) {
            if (!feature.isGlob() && feature.pattern().equals(column)) {
                return feature;
            }
        }
        for (FeatureSpec feature : features) {
            if (feature.isGlob() && feature.matches(column)) {
                return feature;
            }
        }
        return null;
    }
}
