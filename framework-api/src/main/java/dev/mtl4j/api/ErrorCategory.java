package dev.mtl4j.api;

/**
 * What kind of mistake stopped mtl4j. The command line maps each category to its own exit code, so a
 * script can tell a bad pipeline file from bad data or a broken plugin without parsing messages.
 */
public enum ErrorCategory {
    /** A pipeline file or spec is wrong: unknown key, wrong type, out-of-range value. */
    CONFIG_INVALID(2),
    /** A data file is missing or one of its cells cannot be read as declared. */
    DATA_INVALID(3),
    /** A plugin jar could not be loaded, or two plugins claim one type name. */
    PLUGIN_LOAD_FAILED(4),
    /** A model file is missing, corrupt, or carries entries mtl4j refuses to read. */
    MODEL_INVALID(5),
    /** Training produced NaN or infinite values, or a loss that exploded. */
    NUMERIC_DIVERGENCE(6),
    /** Reading or writing a file failed for a reason outside the user's content (disk, permissions). */
    IO_FAILED(7),
    /**
     * Something does not fit: a network or data set larger than the memory mtl4j may use, a line,
     * cell or entry beyond a size limit, or the JVM running out of memory.
     */
    RESOURCE_EXHAUSTED(8);

    private final int exitCode;

    ErrorCategory(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code the command line uses for this category. */
    public int exitCode() {
        return exitCode;
    }
}
