package dev.mtl4j.runtime.tune;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial: a set of values for the searched keys, trained for some epochs and scored on the
 * validation rows.
 *
 * @param id the trial's number (its values depend on the search's seed and this number only)
 * @param rung successive halving's rung (0 for random search)
 * @param epochs the epochs it trains for
 * @param values searched key to the YAML text of its value
 * @param objective the objective's value on the validation rows (NaN when training failed)
 * @param validation task to metric to value on the validation rows
 * @param seconds how long it took
 * @param failure why it failed, or null
 */
public record Trial(int id, int rung, int epochs, Map<String, String> values, double objective,
                    Map<String, Map<String, Double>> validation, double seconds, String failure) {

    public Trial {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        validation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validation));
    }

    /** Its place in a search: one trial per id and rung. */
    public String key() {
        return id + "@" + rung;
    }
}
