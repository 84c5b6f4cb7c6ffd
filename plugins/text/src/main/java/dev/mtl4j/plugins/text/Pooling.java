package dev.mtl4j.plugins.text;

/** How a sequence becomes one vector; padding never counts (the feature mask). */
public enum Pooling {
    /** The largest value of each channel over the tokens. */
    MAX,
    /** The mean of each channel over the tokens. */
    AVG,
    /** The output at the last real token (lstm only). */
    LAST
}
