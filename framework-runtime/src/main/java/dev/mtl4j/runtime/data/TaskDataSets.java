package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TableSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            sets.add(read("data", spec.data().source(), spec.data().split(), spec.data().drop(), shared, sources, trainingSeed));
        }
        for (TaskSpec task : spec.tasks()) {
            if (task.hasOwnData()) {
                sets.add(read("tasks." + task.name() + ".data", task.data().source(), task.data().split(),
                        task.data().drop(), List.of(task), sources, trainingSeed));
            }
        }
        return sets;
    }

    private static TaskDataSet read(String key, ComponentSpec sourceSpec, SplitSpec split, List<String> drop,
                                    List<TaskSpec> tasks, Sources sources, long trainingSeed) {
        TableSource source = sources.open(sourceSpec, key + ".source");
        for (Path file : source.files()) {
            if (!Files.exists(file)) {
                // Named by its key, so that the command line can point at the line of the pipeline file.
                String param = sourceSpec.params().containsKey("path") ? ".path" : "";
                throw new MtlException(ErrorCategory.DATA_INVALID, key + ".source" + param + ": data file not found: " + file);
            }
        }
        RawTable table = source.read();
        Splits splits = Splitter.limitTraining(Splitter.split(split, table), split.limit(), trainingSeed);
        if (splits.train().length == 0) {
            throw new MtlException(ErrorCategory.DATA_INVALID, table.origin() + ": " + key + ".split leaves no training rows ("
                    + table.size() + " rows)");
        }
        return new TaskDataSet(key, tasks, table, splits, drop, split.column(), source.files());
    }
}
