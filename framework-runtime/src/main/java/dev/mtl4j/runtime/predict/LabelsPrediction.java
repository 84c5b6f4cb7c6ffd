package dev.mtl4j.runtime.predict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A multilabel task's prediction: per label column, whether it applies (probability above 0.5) and
 * its probability.
 *
 * @param labels per label column, in the task's order, whether it applies
 * @param probabilities per label column, its probability
 */
public record LabelsPrediction(Map<String, Boolean> labels, Map<String, Double> probabilities) implements TaskPrediction {

    public LabelsPrediction {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }
}
