package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import java.nio.file.Path;
import java.util.List;

/**
 * One data set of a pipeline whose tasks bring their own: its rows, how they split, and the tasks
 * that read it (one task with its own file, or every task that reads the pipeline's file).
 *
 * @param key where the data set is declared ({@code data} or {@code tasks.NAME.data}), for messages
 * @param tasks the tasks whose labels it holds
 * @param table its rows
 * @param splits its training, validation and test rows
 * @param drop its columns never used as features
 * @param splitColumn its split column, or null
 * @param files the files read, for provenance
 */
public record TaskDataSet(String key, List<TaskSpec> tasks, RawTable table, Splits splits, List<String> drop,
                          String splitColumn, List<Path> files) {

    public TaskDataSet {
        tasks = List.copyOf(tasks);
        drop = List.copyOf(drop);
        files = List.copyOf(files);
    }

    /** The task names, for masks: the other tasks' labels are masked in this data set's rows. */
    public java.util.Set<String> taskNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        tasks.forEach(t -> names.add(t.name()));
        return names;
    }
}
