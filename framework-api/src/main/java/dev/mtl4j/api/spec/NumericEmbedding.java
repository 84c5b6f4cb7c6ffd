package dev.mtl4j.api.spec;

/**
 * A learned embedding of a numeric feature's (transformed) number before the encoder, from Gorishniy,
 * Rubachev and Babenko 2022, "On Embeddings for Numerical Features in Tabular Deep Learning": each
 * column gets its own small network from its one number to a vector of {@code embeddingSize}.
 */
public enum NumericEmbedding {
    /** The number as one input (the default). */
    NONE,
    /** {@code ReLU(x·w + b)}: the paper's LR. */
    LINEAR,
    /**
     * {@code [sin(2π c x), cos(2π c x)]} with {@code frequencies} trainable frequencies c (starting
     * from N(0, σ²)), then a linear layer: the paper's PL.
     */
    PERIODIC,
    /** PERIODIC followed by a ReLU: the paper's PLR. */
    PLR
}
