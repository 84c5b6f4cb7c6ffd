package dev.mtl4j.plugins.heads;

/** How a binary head's decision threshold is chosen after training. */
public enum ThresholdChoice {
    /** The {@code threshold} given (0.5 by default). */
    NONE,
    /** The threshold with the best F1 of the positive value on the validation rows. */
    F1
}
