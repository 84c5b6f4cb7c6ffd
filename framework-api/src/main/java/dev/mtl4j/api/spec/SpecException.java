package dev.mtl4j.api.spec;

/**
 * A spec value that breaks its contract. It names the key it is about, relative to the spec that
 * threw it, so that the YAML loader can point at the line and column of that key.
 */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String reason;

    public SpecException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
        this.reason = message;
    }

    /** The key (dotted path relative to the spec that threw) whose value is wrong. */
    public String key() {
        return key;
    }

    /** The message without the key prefix. */
    public String reason() {
        return reason;
    }

    /** The same problem as data, its key relative to the spec that threw it. */
    public dev.mtl4j.api.Problem problem() {
        return dev.mtl4j.api.Problem.keyed(key, reason);
    }

    /** The same problem, its key prefixed by the enclosing key. */
    public SpecException under(String parent) {
        return new SpecException(parent + "." + key, reason());
    }

    static void require(boolean condition, String key, String message) {
        if (!condition) {
            throw new SpecException(key, message);
        }
    }

    static String requireName(String value, String key) {
        require(value != null && !value.isBlank(), key, "is required and must not be blank");
        return value;
    }
}
