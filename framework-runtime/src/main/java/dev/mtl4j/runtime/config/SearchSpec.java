package dev.mtl4j.runtime.config;

import java.util.List;

/**
 * A pipeline's {@code search:} section: what {@code mtl tune} varies and how it picks.
 *
 * @param method random search, or successive halving over epochs
 * @param objective {@code mean} (each task's first quality metric on the validation rows —
 *     accuracy, or R² for a regression task — averaged), or {@code TASK.METRIC}
 * @param eta successive halving's factor: each rung keeps the best 1/eta of its trials and trains
 *     them eta times longer
 * @param seed seeds the draws (each trial's values depend on the seed and its number only)
 * @param space the searched keys
 */
public record SearchSpec(Method method, String objective, int eta, long seed, List<SearchDimension> space) {
    /** The objective that averages every task's first quality metric. */
    public static final String MEAN = "mean";
    public static final int DEFAULT_ETA = 3;

    /** How trials are chosen. */
    public enum Method {
        /** Every trial draws its values independently and trains for the pipeline's epochs. */
        RANDOM,
        /** Successive halving (Jamieson and Talwalkar 2016): many short trials, the best go on longer. */
        HALVING
    }

    public SearchSpec {
        space = List.copyOf(space);
        if (space.isEmpty()) {
            throw new IllegalArgumentException("at least one key in search.space");
        }
        if (eta < 2) {
            throw new IllegalArgumentException("search.eta must be at least 2, got " + eta);
        }
    }
}
