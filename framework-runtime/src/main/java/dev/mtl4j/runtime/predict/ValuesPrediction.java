package dev.mtl4j.runtime.predict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A regression task's prediction, in the target's own units (the standardisation of training undone).
 *
 * @param values per label column, in the task's order, the predicted value
 */
public record ValuesPrediction(Map<String, Double> values) implements TaskPrediction {

    public ValuesPrediction {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
