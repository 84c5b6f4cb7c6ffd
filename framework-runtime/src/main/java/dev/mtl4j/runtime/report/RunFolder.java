package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a run leaves in its output folder, by name, and what a report reads of them:
 * {@code metrics.json} and {@code history.json} always; {@code evaluation.json} (confusion
 * matrices, ROC curves, regression pairs, gates), {@code baselines.json} ({@code --baselines}),
 * {@code affinity.json} ({@code mtl affinity}), {@code baseline-history.json} and
 * {@code transfer-comparison.json} ({@code mtl transfer --baseline}) when the run wrote them.
 */
public final class RunFolder {
    public static final String METRICS = "metrics.json";
    public static final String HISTORY = "history.json";
    public static final String HISTORY_CSV = "history.csv";
    public static final String EVALUATION = "evaluation.json";
    public static final String BASELINES = "baselines.json";
    public static final String AFFINITY = "affinity.json";
    public static final String BASELINE_HISTORY = "baseline-history.json";
    public static final String TRANSFER_COMPARISON = "transfer-comparison.json";
    public static final String REPORT = "report.html";

    private final Json json;
    private final Path directory;

    public RunFolder(Json json, Path directory) {
        this.json = json;
        this.directory = directory;
    }

    /** The folder's files as the report's inputs. */
    public ReportInputs read() {
        if (!Files.isDirectory(directory)) {
            throw new MtlException(ErrorCategory.IO_FAILED, directory + ": not a run folder (no such folder)");
        }
        return new ReportInputs(directory.toString(), splitsOnly(required(METRICS)), required(HISTORY), optional(EVALUATION),
                optional(BASELINES), optional(AFFINITY), optional(BASELINE_HISTORY), optional(TRANSFER_COMPARISON));
    }

    /**
     * metrics.json's task, split, metric, value: without a task's per-epoch series ({@code epochs},
     * which the task weighting adds; history.json has them), which the page would read as a split.
     */
    private static JsonNode splitsOnly(JsonNode metrics) {
        if (!(metrics instanceof ObjectNode object)) {
            return metrics;
        }
        ObjectNode copy = object.deepCopy();
        copy.forEach(task -> {
            if (task instanceof ObjectNode node) {
                node.remove("epochs");
            }
        });
        return copy;
    }

    private JsonNode required(String name) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new MtlException(ErrorCategory.IO_FAILED, directory + ": not a run folder of mtl train or mtl transfer (no "
                    + name + ")");
        }
        return json.read(file);
    }

    private JsonNode optional(String name) {
        Path file = directory.resolve(name);
        return Files.isRegularFile(file) ? json.read(file) : null;
    }
}
