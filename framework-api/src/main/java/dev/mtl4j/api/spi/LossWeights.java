package dev.mtl4j.api.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parameter that weighs a head's loss, as written in YAML: one number ({@code positiveWeight: 3}),
 * a map of class names to numbers ({@code classWeights: {fraud: 10, ok: 1}}), or a word asking for
 * weights computed from the training rows ({@code auto}, {@code balanced}). Which forms a head accepts
 * is its own business: it checks them when it builds its loss.
 *
 * @param word {@code auto} or {@code balanced}, or null
 * @param number the one weight, or null
 * @param byClass weights by class name (insertion order kept), empty unless this is a map
 */
public record LossWeights(String word, Double number, Map<String, Double> byClass) {

    public LossWeights {
        byClass = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byClass));
        int forms = (word != null ? 1 : 0) + (number != null ? 1 : 0) + (byClass.isEmpty() ? 0 : 1);
        if (forms != 1) {
            throw new IllegalArgumentException("expected a number, a word or a map of class names to numbers");
        }
        if (word != null && !word.equals("auto") && !word.equals("balanced")) {
            throw new IllegalArgumentException("expected a number, 'auto', 'balanced' or a map of class names to numbers, got '"
                    + word + "'");
        }
        if (number != null && !(number > 0 && Double.isFinite(number))) {
            throw new IllegalArgumentException("a weight must be a positive number, got " + number);
        }
        for (Map.Entry<String, Double> entry : byClass.entrySet()) {
            if (!(entry.getValue() > 0 && Double.isFinite(entry.getValue()))) {
                throw new IllegalArgumentException("the weight of '" + entry.getKey() + "' must be a positive number, got "
                        + entry.getValue());
            }
        }
    }

    /** One weight. */
    public static LossWeights of(double number) {
        return new LossWeights(null, number, Map.of());
    }

    /** {@code auto} or {@code balanced}. */
    public static LossWeights word(String word) {
        return new LossWeights(word, null, Map.of());
    }

    /** Weights by class name. */
    public static LossWeights byClass(Map<String, Double> weights) {
        return new LossWeights(null, null, weights);
    }

    /** Whether the weights come from the training rows ({@code auto} or {@code balanced}). */
    public boolean fromData() {
        return word != null;
    }

    /** The value as YAML writes it: a number, a word, or a map. */
    public Object yaml() {
        return word != null ? word : number != null ? (Object) number : new LinkedHashMap<>(byClass);
    }
}
