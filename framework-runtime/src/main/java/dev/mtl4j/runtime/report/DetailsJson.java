package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.runtime.eval.GateWeights;
import dev.mtl4j.runtime.eval.TaskDetails;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evaluation.json}: per task what the report shows beyond the metrics (confusion matrix,
 * per-class scores, ROC curve, predicted-vs-true pairs) on one split, and the gate weights of a
 * mixture-of-experts model.
 */
public final class DetailsJson {
    private DetailsJson() {
    }

    /** @param gates the gate weights on the same rows, or null when the sharing has no gates */
    public static ObjectNode of(Json json, String split, Map<String, TaskDetails> details, GateWeights gates) {
        ObjectNode root = json.object();
        root.put("split", split);
        ObjectNode tasks = root.putObject("tasks");
        details.forEach((task, d) -> tasks.set(task, task(json, split, d)));
        if (gates != null && !gates.isEmpty()) {
            ObjectNode node = root.putObject("gates");
            node.put("split", split);
            ObjectNode byTask = node.putObject("byTask");
            gates.byTask().forEach((task, experts) -> byTask.set(task, json.numbers(experts)));
        }
        return root;
    }

    private static ObjectNode task(Json json, String split, TaskDetails details) {
        ObjectNode node = json.object();
        node.put("split", split);
        node.put("kind", details.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode names = node.putArray("classes");
        details.outputs().forEach(names::add);
        if (details.confusion() != null) {
            ArrayNode rows = node.putArray("confusion");
            for (long[] row : details.confusion()) {
                ArrayNode cells = rows.addArray();
                for (long count : row) {
                    cells.add(count);
                }
            }
        }
        if (details.perClass() != null) {
            ArrayNode scores = node.putArray("perClass");
            for (TaskDetails.ClassScores c : details.perClass()) {
                ObjectNode entry = scores.addObject();
                entry.put("class", c.name());
                Json.put(entry, "precision", c.precision());
                Json.put(entry, "recall", c.recall());
                Json.put(entry, "f1", c.f1());
                entry.put("support", c.support());
            }
        }
        if (details.roc() != null) {
            ObjectNode roc = node.putObject("roc");
            Json.put(roc, "auc", details.roc().auc());
            roc.set("fpr", json.numbers(details.roc().fpr()));
            roc.set("tpr", json.numbers(details.roc().tpr()));
        }
        if (details.pairs() != null) {
            ArrayNode scatter = node.putArray("scatter");
            for (TaskDetails.Pairs pairs : details.pairs()) {
                ObjectNode entry = scatter.addObject();
                entry.put("name", pairs.output());
                entry.set("actual", json.numbers(pairs.actual()));
                entry.set("predicted", json.numbers(pairs.predicted()));
            }
        }
        return node;
    }
}
