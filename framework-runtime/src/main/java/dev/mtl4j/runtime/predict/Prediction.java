package dev.mtl4j.runtime.predict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's prediction for one record: one {@link TaskPrediction} per task, in the pipeline's task order.
 *
 * @param tasks task name to its prediction
 */
public record Prediction(Map<String, TaskPrediction> tasks) {

    public Prediction {
        tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    }

    /** A task's prediction, of the type its head gives, e.g. {@code task("INCOME", ClassPrediction.class)}. */
    public <T extends TaskPrediction> T task(String name, Class<T> kind) {
        TaskPrediction prediction = tasks.get(name);
        if (prediction == null) {
            throw new IllegalArgumentException("the model has no task '" + name + "' (tasks: " + tasks.keySet() + ")");
        }
        if (!kind.isInstance(prediction)) {
            throw new IllegalArgumentException("task '" + name + "' gives a " + prediction.getClass().getSimpleName()
                    + ", not a " + kind.getSimpleName());
        }
        return kind.cast(prediction);
    }
}
