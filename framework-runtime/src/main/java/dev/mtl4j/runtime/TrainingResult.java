package dev.mtl4j.runtime;

import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.TrainingHistory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained model with what training measured.
 *
 * @param model the model
 * @param history every epoch's report
 * @param metrics split (train, validation, test) to task to metric to value, after training
 */
public record TrainingResult(TrainedModel model, TrainingHistory history,
                             Map<String, Map<String, Map<String, Double>>> metrics) {

    /** One metric on one split, e.g. {@code metric("test", "digit", "accuracy")}. */
    public double metric(String split, String task, String metric) {
        Map<String, Map<String, Double>> bySplit = metrics.get(split);
        if (bySplit == null || !bySplit.containsKey(task) || !bySplit.get(task).containsKey(metric)) {
            throw new IllegalArgumentException("no metric " + split + "/" + task + "/" + metric + " in " + metrics);
        }
        return bySplit.get(task).get(metric);
    }

    /** Task to split to metric to value: the layout of {@code metrics.json}. */
    public Map<String, Map<String, Map<String, Double>>> byTask() {
        Map<String, Map<String, Map<String, Double>>> result = new LinkedHashMap<>();
        metrics.forEach((split, tasks) -> tasks.forEach((task, values) ->
                result.computeIfAbsent(task, t -> new LinkedHashMap<>()).put(split, values)));
        return result;
    }
}
