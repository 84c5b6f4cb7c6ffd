package dev.mtl4j.runtime.predict;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.model.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained model answering records in memory, the way an application uses it:
 *
 * <pre>{@code
 * Predictor predictor = Predictor.open(Path.of("runs/income/model.zip"));
 * Prediction p = predictor.predict(Map.of("AGE", "25-34", "EDUCATION", "College graduate", ...));
 * ClassPrediction income = p.task("INCOME", ClassPrediction.class);   // label, probability, every class's
 * }</pre>
 *
 * A record is a map from column name to value (or a Java record whose components are named like
 * the columns), holding every feature column the model reads; per task the result is the class with
 * every class's probability, the labels, or the values in the target's units — what {@code mtl
 * predict} writes. Thread-safe: concurrent calls run on copies of the network (at most one per
 * processor); the encoding of the features is shared, read-only state.
 */
public final class Predictor {
    private final TrainedModel model;
    private final RecordTable records;
    private final GraphPool networks;
    private final Outputs outputs;
    /** A text encoder's featurisation may keep state of its own (a language model session): one caller at a time. */
    private final Object textLock;

    private Predictor(TrainedModel model, int parallelism) {
        this.model = model;
        Preprocessor preprocessor = model.preprocessor();
        Set<String> tolerated = new HashSet<>(model.spec().data().drop());
        model.spec().tasks().forEach(t -> tolerated.addAll(t.labels()));
        this.records = new RecordTable(preprocessor.features().columns(), tolerated);
        this.networks = new GraphPool(model.graph(), parallelism);
        this.outputs = new Outputs(model);
        this.textLock = preprocessor.features().text() == null ? null : new Object();
    }

    /** Opens a model file with the plugins on the class path. */
    public static Predictor open(Path modelFile) {
        return of(MtlRuntime.create().load(modelFile));
    }

    /** A predictor over a loaded (or just trained) model; it uses the model's network, so stop training it. */
    public static Predictor of(TrainedModel model) {
        return new Predictor(model, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** What the model reads and predicts. */
    public ModelInfo info() {
        return ModelInfo.of(model, records.columns());
    }

    /** The prediction for one record given as column name to value. */
    public Prediction predict(Map<String, ?> record) {
        return predict(List.of(record)).get(0);
    }

    /** The prediction for one Java record whose component names are the column names. */
    public Prediction predict(Record record) {
        return predict(RecordTable.fields(record));
    }

    /**
     * The predictions for a batch of records, in order: one forward pass for all of them, so a batch
     * is much cheaper per record than single calls.
     *
     * @throws dev.mtl4j.api.MtlException DATA_INVALID naming each record and column that is wrong
     *     (a missing or unknown column, a value not a number, a category the model never saw)
     */
    public List<Prediction> predict(List<? extends Map<String, ?>> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        RawTable table = records.of(batch);
        int[] rows = IntStream.range(0, table.size()).toArray();
        EncodedData data = encode(table, rows);
        INDArray[] raw = networks.with(graph ->
                dev.mtl4j.runtime.eval.Predictor.batch(graph, data.features(), data.featureMask(), 0, rows.length));
        return outputs.read(raw, rows.length);
    }

    private EncodedData encode(RawTable table, int[] rows) {
        if (textLock == null) {
            return model.preprocessor().encodeFeaturesOnly(table, rows);
        }
        synchronized (textLock) {
            return model.preprocessor().encodeFeaturesOnly(table, rows);
        }
    }

    /** The model's task names, in order. */
    public List<String> tasks() {
        List<String> names = new ArrayList<>();
        model.spec().tasks().stream().map(TaskSpec::name).forEach(names::add);
        return names;
    }
}
