package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way rows reach a network. Training, transfer, evaluation, prediction and gate weights all
 * read a data set through its source component into a compact {@link RawTable}, split it, fit the
 * encodings on the training rows ({@link UnionFit}: chunk by chunk) or take a trained model's, and
 * encode rows into float matrices ({@link Preprocessor}); scoring then runs in batches.
 */
public final class DataPath {
    private final TaskDataSets.Sources sources;

    /** @param sources opens a data-set component (relative paths resolved where the pipeline says) */
    public DataPath(TaskDataSets.Sources sources) {
        this.sources = sources;
    }

    /**
     * Training: reads every data set of the pipeline, splits each, fits the preprocessing on the
     * training rows and encodes every split.
     *
     * @param kinds what each task's head asks of its label encoding
     * @param textEncoder the encoder that featurises text columns, or null
     */
    public PreparedData fit(PipelineSpec spec, Map<String, TargetRequest> kinds, TextEncoder textEncoder,
                            TextProgress progress) {
        List<TaskDataSet> sets = TaskDataSets.read(spec, sources, spec.training().seed());
        Preprocessor preprocessor = UnionFit.fit(spec.data(), sets, spec.tasks(), kinds, textEncoder, progress);
        return encode(spec, preprocessor, sets);
    }

    /**
     * Transfer: reads and splits the pipeline's data; the feature encoding is the source model's, the
     * kept source tasks keep their label encodings, the new tasks' are fitted on the training rows.
     */
    public PreparedData extend(Preprocessor source, PipelineSpec spec, Set<String> keptTasks, Map<String, TargetRequest> kinds) {
        List<TaskDataSet> sets = TaskDataSets.read(spec, sources, spec.training().seed());
        if (sets.size() != 1) {
            throw new IllegalStateException("a transfer reads one data set, got " + sets.size());
        }
        TaskDataSet set = sets.get(0);
        Preprocessor preprocessor = Preprocessor.extend(source, spec, keptTasks, set.table(), set.splits().train(), kinds);
        return encode(spec, preprocessor, sets);
    }

    /**
     * A file to measure or predict on, read as the model's data is: by the model's source component
     * with this path (a model whose every task brought its own data reads it like its first task's),
     * with a task's column renames when the file has that task's columns.
     *
     * @param purpose what the rows are for ("evaluate"), for the message when there are none
     * @throws MtlException DATA_INVALID when the file has a header and no rows
     */
    public RawTable read(PipelineSpec model, Path file, String purpose) {
        ComponentSpec declared = model.data().source() != null ? model.data().source()
                : model.tasks().stream().filter(TaskSpec::hasOwnData).findFirst().orElseThrow().data().source();
        RawTable table = sources.open(declared.with("path", file.toString()), "data.source").read();
        if (table.size() == 0) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.at(Location.file(table.origin()),
                    "has a header and no rows; there is nothing to " + purpose));
        }
        for (TaskSpec task : model.tasks()) {
            if (task.hasOwnData() && !task.data().rename().isEmpty()
                    && table.columns().containsAll(task.data().rename().keySet())) {
                return TaskDataSets.renamed(table, task.data().rename(), "tasks." + task.name() + ".data.rename");
            }
        }
        return table;
    }

    /**
     * Every split of every data set encoded. With one data set for every task, its rows as they are;
     * with tasks that bring their own, each split's rows of every data set stacked, the labels of the
     * tasks that do not read a data set masked in its rows, so training, per-epoch validation and the
     * final metrics measure each task on its own rows only.
     */
    private static PreparedData encode(PipelineSpec spec, Preprocessor preprocessor, List<TaskDataSet> sets) {
        if (!spec.hasTaskData()) {
            TaskDataSet set = sets.get(0);
            RawTable table = set.table();
            Splits splits = set.splits();
            return new PreparedData(preprocessor, preprocessor.encode(table, splits.train()),
                    splits.validation().length == 0 ? null : preprocessor.encode(table, splits.validation()),
                    splits.test().length == 0 ? null : preprocessor.encode(table, splits.test()), null, set.files());
        }
        List<EncodedData> train = new ArrayList<>();
        List<EncodedData> validation = new ArrayList<>();
        List<EncodedData> test = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int[] sizes = new int[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            TaskDataSet set = sets.get(i);
            Set<String> present = set.taskNames();
            sizes[i] = set.splits().train().length;
            train.add(preprocessor.encode(set.table(), set.splits().train(), present));
            if (set.splits().validation().length > 0) {
                validation.add(preprocessor.encode(set.table(), set.splits().validation(), present));
            }
            if (set.splits().test().length > 0) {
                test.add(preprocessor.encode(set.table(), set.splits().test(), present));
            }
            files.addAll(set.files());
        }
        return new PreparedData(preprocessor, EncodedData.stack(train), EncodedData.stack(validation),
                EncodedData.stack(test), sizes, files);
    }
}
