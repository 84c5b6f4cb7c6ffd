package dev.mtl4j.api.spec;

import java.util.Locale;

/** How a feature column is turned into network input. */
public enum FeatureType {
    /** A number, standardised with the training split's mean and standard deviation. */
    NUMERIC,
    /** A category, one-hot over the training split's values. */
    CATEGORICAL,
    /** An ordered category with declared levels, encoded as its rank scaled to [0, 1]. */
    ORDINAL,
    /**
     * Raw text. The runtime does not tokenise it: every text column of a row is handed, joined, to
     * the encoder, which must be a {@link dev.mtl4j.api.spi.TextEncoder} and owns the featurisation
     * (vocabulary, embeddings, token ids).
     */
    TEXT;

    /** The name used in YAML: lower case. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeatureType parse(String text) {
        for (FeatureType type : values()) {
            if (type.yamlName().equals(text)) {
                return type;
            }
        }
        throw new SpecException("type", "must be one of numeric, categorical, ordinal, text, got '" + text + "'");
    }
}
