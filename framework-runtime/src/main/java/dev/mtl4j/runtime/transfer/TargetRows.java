package dev.mtl4j.runtime.transfer;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TargetDataSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TableSource;
import dev.mtl4j.runtime.data.DataFiles;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.Splits;
import dev.mtl4j.runtime.data.Splitter;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows of the target domain, encoded by the pipeline's (or the source model's) features: training
 * rows without their labels, and test rows with the labels of the tasks whose label columns the file has.
 *
 * @param train the unlabelled training rows (every task's labels masked)
 * @param test the test rows with the labelled tasks' labels, or null when the file has no task's labels or no test rows
 * @param labelled the tasks whose labels the file has, in task order
 * @param files the files read, for provenance
 */
public record TargetRows(EncodedData train, EncodedData test, Set<String> labelled, List<Path> files) {

    /**
     * @param key where the target is written ({@code data.target}), for messages
     * @throws MtlException DATA_INVALID at {@code key.source.path} when the file is missing, naming the file when it lacks
     *     a feature column; CONFIG_INVALID when the split leaves no training rows
     */
    public static TargetRows read(TargetDataSpec target, String key, PipelineSpec spec, Preprocessor preprocessor,
                           ComponentResolver resolver, Path baseDirectory) {
        TableSource source = DataFiles.requireFound(resolver.dataset(target.source(), key + ".source",
                new DataContext(baseDirectory)), target.source(), key + ".source");
        RawTable table = source.read();
        List<String> missing = preprocessor.features().columns().stream().filter(c -> table.columnIndex(c) < 0).toList();
        if (!missing.isEmpty()) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed(key + ".source", table.origin() + " lacks the feature column"
                    + (missing.size() == 1 ? " " : "s ") + missing + " that the model reads; its columns are " + table.columns()));
        }
        Splits splits = Splitter.limitTraining(Splitter.split(target.split(), table), target.split().limit(),
                spec.training().seed());
        if (splits.train().length == 0) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed(key + ".split", "leaves no training rows of "
                    + table.origin() + " (" + table.size() + " rows)"));
        }
        Set<String> labelled = new LinkedHashSet<>();
        for (TaskSpec task : spec.tasks()) {
            if (task.labels().stream().allMatch(label -> table.columnIndex(label) >= 0)) {
                labelled.add(task.name());
            }
        }
        EncodedData train = preprocessor.encode(table, splits.train(), Set.of());
        EncodedData test = labelled.isEmpty() || splits.test().length == 0 ? null
                : preprocessor.encode(table, splits.test(), labelled);
        return new TargetRows(train, test, Set.copyOf(labelled), source.files());
    }
}
