package dev.mtl4j.runtime.meta;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.MetaSettings;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TableSource;
import dev.mtl4j.api.spi.TextProgress;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.Splits;
import dev.mtl4j.runtime.data.Splitter;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import dev.mtl4j.runtime.plugin.PipelineComponents;
import dev.mtl4j.api.spi.Shuffle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A meta-learning data set: one file whose task column says which task each row belongs to, its
 * tasks divided into training, validation and test tasks — by {@code data.split}'s fractions of the
 * tasks (held-out tasks are wholly unseen in training), or by its split column — and encoded by a
 * preprocessor fitted on the training tasks' rows. The task column is not a feature; a row whose
 * task cell is missing belongs to no task and is left out.
 *
 * @param spec the pipeline with the task column dropped from the features
 * @param train the training tasks, in order of first appearance
 * @param validation the validation tasks (may be empty)
 * @param test the test tasks (may be empty)
 * @param files the files read, for provenance
 */
public record MetaData(PipelineSpec spec, Preprocessor preprocessor, List<TaskRows> train, List<TaskRows> validation,
                       List<TaskRows> test, List<Path> files) {

    /**
     * @throws MtlException naming the key: no task column, a missing task value, fewer than two
     *     training tasks, or a task with fewer rows than an episode takes
     */
    public static MetaData read(PipelineSpec pipeline, MetaSettings settings, PipelineComponents components,
                                ComponentResolver resolver, Path baseDirectory) {
        String column = settings.taskColumn();
        if (column == null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("strategy.taskColumn", "is required to meta-train: the column"
                    + " that says which task each row belongs to"));
        }
        if (pipeline.data().split().limit() > 0) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("data.split.limit", "meta-learning draws k rows per task"
                    + " itself (strategy.support); remove the limit"));
        }
        PipelineSpec spec = pipeline.withData(pipeline.data().withDropped(List.of(column)));
        TableSource source = resolver.dataset(spec.data().source(), "data.source", new DataContext(baseDirectory));
        RawTable table = source.read();
        int index = table.columnIndex(column);
        if (index < 0) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed("strategy.taskColumn", table.origin() + " has no column '"
                    + column + "'; its columns are " + table.columns()));
        }
        List<List<int[]>> split = split(spec.data().split(), table, index);
        Map<String, int[]> train = grouped(table, index, split.get(0));
        Map<String, int[]> validation = grouped(table, index, split.get(1));
        Map<String, int[]> test = grouped(table, index, split.get(2));
        requireEnough(settings, column, train, validation, test, table.origin());
        int[] trainRows = train.values().stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray();
        Preprocessor preprocessor = Preprocessor.fit(spec, table, trainRows, components.targetRequests(),
                components.textEncoder(), TextProgress.NONE);
        return new MetaData(spec, preprocessor, encoded(preprocessor, table, train), encoded(preprocessor, table, validation),
                encoded(preprocessor, table, test), source.files());
    }

    /** The rows of the training, validation and test tasks: whole tasks by fraction, or rows by the split column. */
    private static List<List<int[]>> split(SplitSpec split, RawTable table, int column) {
        if (split.column() != null) {
            Splits rows = Splitter.split(split, table);
            return List.of(List.of(rows.train()), List.of(rows.validation()), List.of(rows.test()));
        }
        Map<String, int[]> tasks = grouped(table, column, List.of(Splitter.all(table)));
        List<int[]> all = new ArrayList<>(tasks.values());
        int[] order = Shuffle.permutation(all.size(), new Random(split.seed()));
        int tests = (int) Math.round(split.test() * all.size());
        int validations = (int) Math.round(split.validation() * (all.size() - tests));
        List<List<int[]>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < order.length; i++) {
            parts.get(i < tests ? 2 : i < tests + validations ? 1 : 0).add(all.get(order[i]));
        }
        return parts;
    }

    /** Task value to its rows (ascending), tasks in order of first appearance. */
    private static Map<String, int[]> grouped(RawTable table, int column, List<int[]> parts) {
        int[] rows = parts.stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray();
        Map<String, List<Integer>> tasks = new LinkedHashMap<>();
        for (int row : rows) {
            String task = table.cell(row, column);
            // a row whose task is missing belongs to no task: no episode can draw it
            if (task != null && !task.isBlank()) {
                tasks.computeIfAbsent(task, t -> new ArrayList<>()).add(row);
            }
        }
        Map<String, int[]> result = new LinkedHashMap<>();
        tasks.forEach((task, list) -> result.put(task, list.stream().mapToInt(Integer::intValue).toArray()));
        return result;
    }

    private static void requireEnough(MetaSettings settings, String column, Map<String, int[]> train,
                                      Map<String, int[]> validation, Map<String, int[]> test, String origin) {
        if (train.size() < 2) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("strategy.taskColumn", "column '" + column + "' of " + origin
                    + " gives " + train.size() + " training task" + (train.size() == 1 ? "" : "s") + " (after data.split);"
                    + " meta-learning needs at least 2"));
        }
        int episode = settings.support() + settings.query();
        train.forEach((task, rows) -> {
            if (rows.length < episode) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("strategy.support", "training task '" + task + "' has "
                        + rows.length + " rows; an episode takes support + query = " + settings.support() + " + "
                        + settings.query() + " rows of one task"));
            }
        });
        Map<String, int[]> heldOut = new LinkedHashMap<>(validation);
        heldOut.putAll(test);
        heldOut.forEach((task, rows) -> {
            if (rows.length <= settings.support()) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("strategy.support", "held-out task '" + task + "' has "
                        + rows.length + " rows; adapting takes support = " + settings.support()
                        + " of them and measures on the rest"));
            }
        });
    }

    private static List<TaskRows> encoded(Preprocessor preprocessor, RawTable table, Map<String, int[]> tasks) {
        List<TaskRows> encoded = new ArrayList<>();
        tasks.forEach((task, rows) -> encoded.add(new TaskRows(task, preprocessor.encode(table, rows))));
        return List.copyOf(encoded);
    }
}
