package dev.mtl4j.api.spi;

/** What a {@link FittedText} makes of a text. */
public enum TextForm {
    /** A fixed-width vector (bag-of-words counts, a sentence embedding), fed to dense layers. */
    VECTOR,
    /** Token ids, padded with 0 to a fixed length, read with a feature mask by sequence layers. */
    SEQUENCE
}
