package dev.mtl4j.runtime.plugin;

/**
 * One thing wrong with a component's parameters.
 *
 * @param key the parameter's name as written by the user
 * @param message what is wrong, ready to show after the key ("must be >= 1, got 0")
 */
public record ParamProblem(String key, String message) {

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
