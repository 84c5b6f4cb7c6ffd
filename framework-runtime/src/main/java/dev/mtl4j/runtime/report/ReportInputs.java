package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.runtime.model.ProvenanceRecorder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a report is made of: a run's JSON documents (see {@link RunFolder} for the files), read from
 * its folder by {@code mtl report}, or still in memory when {@code mtl train} writes the report.
 *
 * @param location the run folder, as the report names it
 * @param metrics {@code metrics.json}: task, split, metric, value
 * @param history {@code history.json} ({@link HistoryJson})
 * @param evaluation {@code evaluation.json} ({@link DetailsJson}), or null
 * @param baselines the multi-task vs alone comparison, or null
 * @param affinity the task-affinity matrix, or null
 * @param baselineHistory a transfer's from-scratch baseline's history, or null
 * @param transferComparison a transfer's comparison with its baseline, or null
 */
public record ReportInputs(String location, JsonNode metrics, JsonNode history, JsonNode evaluation, JsonNode baselines,
                           JsonNode affinity, JsonNode baselineHistory, JsonNode transferComparison) {

    /** These inputs with a baseline study ({@code mtl train --baselines}). */
    public ReportInputs withBaselines(JsonNode study) {
        return new ReportInputs(location, metrics, history, evaluation, study, affinity, baselineHistory, transferComparison);
    }

    /** These inputs with a task-affinity study ({@code mtl affinity}). */
    public ReportInputs withAffinity(JsonNode study) {
        return new ReportInputs(location, metrics, history, evaluation, baselines, study, baselineHistory, transferComparison);
    }

    /** These inputs with a transfer's from-scratch baseline: its history and the comparison. */
    public ReportInputs withTransferBaseline(JsonNode scratchHistory, JsonNode comparison) {
        return new ReportInputs(location, metrics, history, evaluation, baselines, affinity, scratchHistory, comparison);
    }

    /** Everything the page draws, as one JSON object (see {@code report.js}). */
    public ObjectNode pageData(Json json) {
        ObjectNode data = json.object();
        data.put("title", history.path("pipeline").asText("mtl4j run"));
        data.put("subtitle", "Run folder " + location + "; report written " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + " by mtl4j " + ProvenanceRecorder.version() + ". Each chart's toolbox saves it as a PNG.");
        data.set("metrics", metrics);
        data.set("history", history);
        set(data, "evaluation", evaluation);
        if (evaluation != null && evaluation.has("gates")) {
            data.set("gates", evaluation.get("gates"));
        }
        set(data, "baselines", baselines);
        set(data, "affinity", affinity);
        set(data, "baselineHistory", baselineHistory);
        set(data, "transferComparison", transferComparison);
        return data;
    }

    private static void set(ObjectNode data, String key, JsonNode value) {
        if (value != null) {
            data.set(key, value);
        }
    }
}
