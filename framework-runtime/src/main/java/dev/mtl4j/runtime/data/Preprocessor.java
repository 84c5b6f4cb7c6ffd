package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything between a table of raw cells and the network's arrays: which columns are features and
 * how each is encoded, and how each task's labels are encoded, all fitted on the training rows. Its
 * state is plain maps and lists, saved with the model, so a trained model encodes new files exactly
 * as it encoded its training data.
 */
public final class Preprocessor {
    private static final int STATE_VERSION = 1;

    private final FeatureEncoder features;
    private final Map<String, TargetEncoder> targets;
    /** Not part of the state: what the training files held and nothing read, for the training log. */
    private final List<String> unusedColumns;

    private Preprocessor(FeatureEncoder features, Map<String, TargetEncoder> targets, List<String> unusedColumns) {
        this.features = features;
        this.targets = targets;
        this.unusedColumns = List.copyOf(unusedColumns);
    }

    /**
     * Resolves the feature columns and fits every encoding on {@code trainRows}.
     *
     * @param kindsByTask what each task's head asks of its label encoding
     * @throws MtlException DATA_INVALID when a named column is missing or a cell cannot be encoded
     */
    public static Preprocessor fit(PipelineSpec spec, RawTable table, int[] trainRows,
                                   Map<String, TargetRequest> kindsByTask) {
        return fit(spec, table, trainRows, kindsByTask, null, TextProgress.NONE);
    }

    /**
     * As {@link #fit(PipelineSpec, RawTable, int[], Map)}, with the encoder that featurises the text
     * columns (null when the encoder reads no text) and where that work reports its progress.
     */
    public static Preprocessor fit(PipelineSpec spec, RawTable table, int[] trainRows,
                                   Map<String, TargetRequest> kindsByTask, TextEncoder textEncoder, TextProgress progress) {
        // One data set for every task: the path training takes, with these training rows.
        TaskDataSet set = new TaskDataSet("data", spec.tasks(), table, new Splits(trainRows, new int[0], new int[0]),
                spec.data().drop(), spec.data().split().column(), List.of());
        return UnionFit.fit(spec.data(), List.of(set), spec.tasks(), kindsByTask, textEncoder, progress);
    }

    /**
     * For a transfer: the source model's feature encoding as it is, so new rows reach the pretrained
     * encoder exactly as the source's did; the kept source tasks keep their label encodings; the new
     * tasks are fitted on {@code trainRows}.
     *
     * @throws MtlException CONFIG_INVALID when a new task reads its labels from a column that is an
     *     input feature of the source model
     */
    public static Preprocessor extend(Preprocessor source, PipelineSpec spec, java.util.Set<String> keptTasks,
                                      RawTable table, int[] trainRows, Map<String, TargetRequest> kindsByTask) {
        Map<String, TargetEncoder> targets = new LinkedHashMap<>();
        for (TaskSpec task : spec.tasks()) {
            if (keptTasks.contains(task.name())) {
                targets.put(task.name(), source.target(task.name()));
                continue;
            }
            for (String label : task.labels()) {
                if (source.features.columns().contains(label)) {
                    throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("tasks." + task.name() + ".labels",
                            "column '" + label + "' is an input feature of the source model; a task cannot predict"
                            + " what the encoder reads"));
                }
            }
            targets.put(task.name(), TargetEncoder.fit(task, kindsByTask.get(task.name()), table, trainRows));
        }
        return new Preprocessor(source.features, targets, List.of());
    }

    /**
     * A preprocessor from encodings fitted elsewhere: the feature encoding fitted on the union of
     * several tasks' files, and each task's label encoding fitted on its own file.
     *
     * @param targets each task's label encoding, in the pipeline's task order
     */
    public static Preprocessor of(FeatureEncoder features, Map<String, TargetEncoder> targets) {
        return of(features, targets, List.of());
    }

    /** As {@link #of(FeatureEncoder, Map)}, remembering the training files' columns that nothing reads. */
    public static Preprocessor of(FeatureEncoder features, Map<String, TargetEncoder> targets, List<String> unusedColumns) {
        return new Preprocessor(features, new LinkedHashMap<>(targets), unusedColumns);
    }

    /**
     * The columns of the training files that are no feature, label, dropped or split column, known
     * right after fitting only (not saved: a loaded model has none).
     */
    public List<String> unusedColumns() {
        return unusedColumns;
    }

    /** The network's input: its width and how each input is embedded, if any is. */
    public dev.mtl4j.runtime.embed.FeatureInput featureInput() {
        return new dev.mtl4j.runtime.embed.FeatureInput(featureWidth(), features.embeddings());
    }

    public int featureWidth() {
        return features.width();
    }

    public FeatureEncoder features() {
        return features;
    }

    /** The task names, in the pipeline's order. */
    public List<String> tasks() {
        return List.copyOf(targets.keySet());
    }

    /** This preprocessor with {@code task}'s target encoding replaced (a binary task's chosen threshold). */
    public Preprocessor withTarget(String task, TargetEncoder target) {
        if (!targets.containsKey(task)) {
            throw new IllegalArgumentException("no task '" + task + "' in " + targets.keySet());
        }
        Map<String, TargetEncoder> replaced = new LinkedHashMap<>(targets);
        replaced.put(task, target);
        return new Preprocessor(features, replaced, unusedColumns);
    }

    public TargetInfo targetInfo(String task) {
        return target(task).info();
    }

    public TargetEncoder target(String task) {
        TargetEncoder target = targets.get(task);
        if (target == null) {
            throw new IllegalArgumentException("no task '" + task + "'; tasks are " + targets.keySet());
        }
        return target;
    }

    /** Features, labels and masks of {@code rows}; the table must have every feature and label column. */
    public EncodedData encode(RawTable table, int[] rows) {
        List<INDArray> labels = new ArrayList<>();
        List<INDArray> masks = new ArrayList<>();
        for (TargetEncoder target : targets.values()) {
            TargetEncoder.Labels encoded = target.encode(table, rows);
            labels.add(encoded.labels());
            masks.add(encoded.mask());
        }
        INDArray encoded = features.encode(table, rows);
        return new EncodedData(encoded, labels, masks, featureMask(encoded));
    }

    /**
     * Features, labels and masks of rows of a file that holds the labels of {@code present} tasks
     * only: every other task's labels are zeros under a mask of zeros, so its head gets no loss from
     * these rows and its metrics skip them. Present tasks always get a mask (ones where labelled), so
     * that rows of several files can be stacked into one array.
     */
    public EncodedData encode(RawTable table, int[] rows, java.util.Set<String> present) {
        List<INDArray> labels = new ArrayList<>();
        List<INDArray> masks = new ArrayList<>();
        for (TargetEncoder target : targets.values()) {
            int maskWidth = target.kind() == TargetKind.MULTILABEL ? target.width() : 1;
            if (present.contains(target.task())) {
                TargetEncoder.Labels encoded = target.encode(table, rows);
                labels.add(encoded.labels());
                masks.add(encoded.mask() != null ? encoded.mask()
                        : org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, rows.length, maskWidth));
            } else {
                labels.add(org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, rows.length,
                        target.width()));
                masks.add(org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, rows.length, maskWidth));
            }
        }
        INDArray encoded = features.encode(table, rows);
        return new EncodedData(encoded, labels, masks, featureMask(encoded));
    }

    /** Features only, for files without label columns; columns are found by name. */
    public EncodedData encodeFeaturesOnly(RawTable table, int[] rows) {
        INDArray encoded = features.encode(table, rows);
        return new EncodedData(encoded, List.of(), List.of(), featureMask(encoded));
    }

    /** 1 where a token id is, 0 for padding (id 0), when the input is a token sequence. */
    private INDArray featureMask(INDArray encoded) {
        return features.sequence() ? encoded.gt(0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT) : null;
    }

    /** The fitted state as plain maps, lists, strings, booleans and numbers (doubles kept exactly). */
    public Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", STATE_VERSION);
        state.put("features", new ArrayList<>(features.toState()));
        state.put("targets", targets.values().stream().map(TargetEncoder::toState).toList());
        return state;
    }

    /**
     * Restores a preprocessor saved by {@link #toState()}; {@code spec} gives the task order.
     *
     * @throws MtlException MODEL_INVALID when the state is malformed or lacks one of the spec's tasks
     */
    public static Preprocessor fromState(Map<String, Object> state, PipelineSpec spec) {
        return fromState(state, spec, null);
    }

    /**
     * As {@link #fromState(Map, PipelineSpec)}; {@code textEncoder} (the model's encoder, when it reads
     * text) restores the text featurisation.
     */
    public static Preprocessor fromState(Map<String, Object> state, PipelineSpec spec, TextEncoder textEncoder) {
        Object version = state.get("version");
        if (!(version instanceof Number number) || number.intValue() != STATE_VERSION) {
            throw State.invalid("version", String.valueOf(STATE_VERSION), version);
        }
        FeatureEncoder features = FeatureEncoder.fromState(State.maps(state, "features"), textEncoder);
        Map<String, TargetEncoder> saved = new LinkedHashMap<>();
        for (Map<?, ?> target : State.maps(state, "targets")) {
            TargetEncoder encoder = TargetEncoder.fromState(target);
            saved.put(encoder.task(), encoder);
        }
        Map<String, TargetEncoder> targets = new LinkedHashMap<>();
        for (TaskSpec task : spec.tasks()) {
            TargetEncoder encoder = saved.get(task.name());
            if (encoder == null) {
                throw new MtlException(ErrorCategory.MODEL_INVALID, "preprocessing state: no label encoding for task '"
                        + task.name() + "'; the model knows tasks " + saved.keySet());
            }
            targets.put(task.name(), encoder);
        }
        return new Preprocessor(features, targets, List.of());
    }
}
