package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.Trainer;
import dev.mtl4j.runtime.train.TrainingHistory;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A run's per-epoch history as JSON: per epoch the joint losses, the learning rates, and per task
 * its λ, its own training loss with its metrics on a sample of training rows, and its own
 * validation loss with its validation metrics.
 *
 * <pre>
 * { "pipeline": "digits", "tasks": ["digit", ...], "bestEpoch": 20, "stoppedEarly": false, "trainSampleRows": 1000,
 *   "epochs": [ { "epoch": 1, "seconds": 0.4, "loss": { "train": 0.9, "validation": null },
 *                 "learningRates": { "all layers": 0.001 },
 *                 "tasks": { "digit": { "weight": 0.5, "train": { "loss": 1.2, "accuracy": 0.8, ... },
 *                                       "validation": { "loss": 1.3, "accuracy": 0.78, ... } } } } ] }
 * </pre>
 */
public final class HistoryJson {
    private HistoryJson() {
    }

    /**
     * @param graph the trained network, whose optimizer configuration gives the learning rates
     */
    public static ObjectNode of(Json json, String pipeline, List<String> tasks, TrainingHistory history, ComputationGraph graph) {
        ObjectNode root = json.object();
        root.put("pipeline", pipeline);
        ArrayNode names = root.putArray("tasks");
        tasks.forEach(names::add);
        root.put("bestEpoch", history.bestEpoch());
        root.put("stoppedEarly", history.stoppedEarly());
        root.put("trainSampleRows", Trainer.TRAIN_SAMPLE_ROWS);
        List<Map<String, Double>> rates = LearningRates.perEpoch(graph, history.epochs().size());
        ArrayNode epochs = root.putArray("epochs");
        for (EpochReport report : history.epochs()) {
            ObjectNode epoch = epochs.addObject();
            epoch.put("epoch", report.epoch());
            Json.put(epoch, "seconds", report.seconds());
            ObjectNode loss = epoch.putObject("loss");
            Json.put(loss, "train", report.trainLoss());
            Json.put(loss, "validation", report.validationLoss());
            epoch.set("learningRates", json.numbers(rates.get(report.epoch() - 1)));
            ObjectNode byTask = epoch.putObject("tasks");
            for (String task : tasks) {
                ObjectNode node = byTask.putObject(task);
                Json.put(node, "weight", report.weights().getOrDefault(task, Double.NaN));
                ObjectNode train = node.putObject("train");
                Json.put(train, "loss", report.taskLosses().getOrDefault(task, Double.NaN));
                report.trainMetrics().getOrDefault(task, Map.of()).forEach((metric, value) -> Json.put(train, metric, value));
                if (!report.metrics().isEmpty()) {
                    ObjectNode validation = node.putObject("validation");
                    Json.put(validation, "loss", report.validationTaskLosses().getOrDefault(task, Double.NaN));
                    report.metrics().getOrDefault(task, Map.of()).forEach((metric, value) -> Json.put(validation, metric, value));
                }
            }
        }
        return root;
    }
}
