package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and splits the data sets of a pipeline whose tasks bring their own: first the pipeline's
 * own rows, if some task reads them, then each task's own file, in task order.
 */
public final class TaskDataSets {

    /** Opens a data-set component; {@code key} names it in messages ({@code tasks.parity.data.source}). */
    @FunctionalInterface
    public interface Sources {
        TableSource open(ComponentSpec source, String key);
    }

    private TaskDataSets() {
    }

    /**
     * @param trainingSeed the seed of a split's {@code limit} sample, as for the pipeline's own rows
     * @throws MtlException DATA_INVALID when a file is missing (naming the key that points at it) or
     *     a split leaves a data set without training rows
     */
    public static List<TaskDataSet> read(PipelineSpec spec, Sources sources, long trainingSeed) {
        List<TaskDataSet> sets = new ArrayList<>();
        List<TaskSpec> shared = spec.tasks().stream().filter(t -> !t.hasOwnData()).toList();
        if (!shared.isEmpty()) {
            sets.add(read("data", spec.data().source(), spec.data().split(), spec.data().drop(), Map.of(), shared, sources,
                    trainingSeed));
        }
        for (TaskSpec task : spec.tasks()) {
            if (task.hasOwnData()) {
                sets.add(read("tasks." + task.name() + ".data", task.data().source(), task.data().split(),
                        task.data().drop(), task.data().rename(), List.of(task), sources, trainingSeed));
            }
        }
        return sets;
    }

    private static TaskDataSet read(String key, ComponentSpec sourceSpec, SplitSpec split, List<String> drop,
                                    Map<String, String> rename, List<TaskSpec> tasks, Sources sources, long trainingSeed) {
        TableSource source = DataFiles.requireFound(sources.open(sourceSpec, key + ".source"), sourceSpec, key + ".source");
        RawTable table = renamed(source.read(), rename, key + ".rename");
        Splits splits = Splitter.limitTraining(Splitter.split(split, table, key), split.limit(), trainingSeed);
        if (splits.train().length == 0) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed(key + ".split", "leaves no training rows of "
                    + table.origin() + " (" + table.size() + " rows)"));
        }
        return new TaskDataSet(key, tasks, table, splits, drop, split.column(), source.files());
    }

    /** The table with columns renamed as the task's data section says (file column to pipeline name). */
    public static RawTable renamed(RawTable table, Map<String, String> rename, String key) {
        if (rename.isEmpty()) {
            return table;
        }
        List<String> columns = new ArrayList<>(table.columns());
        for (Map.Entry<String, String> entry : rename.entrySet()) {
            int index = columns.indexOf(entry.getKey());
            if (index < 0) {
                throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed(key + "." + entry.getKey(), table.origin()
                        + " has no column '" + entry.getKey() + "' to rename (columns: " + String.join(", ", table.columns()) + ")"));
            }
            if (!rename.containsKey(entry.getValue()) && columns.contains(entry.getValue())) {
                throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed(key + "." + entry.getKey(),
                        table.origin() + " already has a column '" + entry.getValue() + "'"));
            }
            columns.set(index, entry.getValue());
        }
        return table.withColumns(columns);
    }
}
