package dev.mtl4j.runtime.plugin;

import java.util.List;

/**
 * The result of binding parameters to a config record: the record, or every problem found.
 *
 * @param config the bound record, or null when there are problems
 * @param problems what is wrong, in the order the parameters were given; empty when bound
 * @param <C> the config record
 */
public record Binding<C extends Record>(C config, List<ParamProblem> problems) {

    public Binding {
        problems = List.copyOf(problems);
        if ((config == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a binding has either a config or problems");
        }
    }

    public boolean isBound() {
        return config != null;
    }

    /** The config, or an IllegalArgumentException listing the problems. */
    public C orElseThrow() {
        if (config == null) {
            throw new IllegalArgumentException("invalid parameters: " + problems);
        }
        return config;
    }
}
