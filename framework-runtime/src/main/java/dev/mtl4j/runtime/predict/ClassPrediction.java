package dev.mtl4j.runtime.predict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classification or binary task's prediction: the most probable class and every class's
 * probability (for a binary task, the two values of its label column).
 *
 * @param label the predicted class, as the label column writes it
 * @param probability its probability
 * @param probabilities every class's probability, in the model's class order
 */
public record ClassPrediction(String label, double probability, Map<String, Double> probabilities) implements TaskPrediction {

    public ClassPrediction {
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }
}
