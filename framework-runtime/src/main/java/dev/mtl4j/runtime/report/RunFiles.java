package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.eval.Evaluator;
import dev.mtl4j.runtime.eval.GateWeights;
import dev.mtl4j.runtime.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What a training run leaves beside its model and metrics: {@code history.json} and
 * {@code history.csv}, {@code evaluation.json} (on the test rows, else the validation rows, else
 * the training rows) and, unless turned off, {@code report.html}.
 */
public final class RunFiles {
    /** Regression rows kept for a predicted-vs-true plot. */
    static final int PLOT_ROWS = 1000;

    private final Json json = new Json();

    /** The history of a training as JSON (also what the model file carries). */
    public ObjectNode history(TrainingResult result) {
        List<String> tasks = result.model().spec().tasks().stream().map(TaskSpec::name).toList();
        return HistoryJson.of(json, result.model().spec().name(), tasks, result.history(), result.model().graph());
    }

    public String text(JsonNode node) {
        return json.text(node);
    }

    /**
     * Writes the history and the evaluation details of a trained pipeline, on its test rows (else
     * validation, else training rows).
     *
     * @param files where each result file goes (an output folder's staging area), by name
     * @param location the run folder, as the report names it
     * @return what the report of the run is made of
     */
    public ReportInputs write(MtlRuntime runtime, PreparedPipeline prepared, TrainingResult result, ObjectNode history,
                              Function<String, Path> files, String location) {
        String split = prepared.test() != null ? "test" : prepared.validation() != null ? "validation" : "train";
        EncodedData rows = prepared.test() != null ? prepared.test() : prepared.validation() != null ? prepared.validation()
                : prepared.train();
        return write(runtime, result, history, rows, split, files, location);
    }

    /**
     * As {@link #write(MtlRuntime, PreparedPipeline, TrainingResult, ObjectNode, Function, String)}, on the given rows.
     *
     * @param rows the rows the details are measured on, or null for none (no {@code evaluation.json})
     * @param split which split {@code rows} are
     */
    public ReportInputs write(MtlRuntime runtime, TrainingResult result, ObjectNode history, EncodedData rows, String split,
                              Function<String, Path> files, String location) {
        json.write(history, files.apply(RunFolder.HISTORY), "the history");
        byte[] csv = HistoryCsv.of(history).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(files.apply(RunFolder.HISTORY_CSV), "the history", out -> out.write(csv));
        ObjectNode evaluation = null;
        if (rows != null) {
            GateWeights gates = runtime.gates(result.model(), rows);
            evaluation = DetailsJson.of(json, split, Evaluator.details(result.model().graph(), rows,
                    result.model().spec().tasks(), result.model().preprocessor(), PLOT_ROWS), gates);
            json.write(evaluation, files.apply(RunFolder.EVALUATION), "the evaluation details");
        }
        return new ReportInputs(location, metricsNode(result), history, evaluation, null, null, null, null);
    }

    /** Writes a JSON document of the run (baselines, a comparison) under its name. */
    public void write(JsonNode document, String name, Function<String, Path> files) {
        json.write(document, files.apply(name), name);
    }

    public Json json() {
        return json;
    }

    /** {@code metrics.json}'s content: task, split, metric, value. */
    public ObjectNode metricsNode(TrainingResult result) {
        ObjectNode metrics = json.object();
        result.byTask().forEach((task, splits) -> {
            ObjectNode bySplit = metrics.putObject(task);
            splits.forEach((split, values) -> bySplit.set(split, json.numbers(values)));
        });
        return metrics;
    }
}
