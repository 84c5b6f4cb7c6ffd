package dev.mtl4j.api.spec;

import dev.mtl4j.api.spi.Param;

/**
 * How a feature column is encoded beyond its type: the options of a feature's map in
 * {@code data.features} ({@code AMOUNT: { type: numeric, transform: log }}), or of the DSL's
 * {@code Data.numeric(NumericTransform.LOG, "AMOUNT")}.
 *
 * @param transform numeric features only: how the number becomes an input
 */
public record FeatureOptions(
        @Param(doc = "numeric only: standard ((x - mean) / std), log (log(1 + x), then standardised; cells >= 0), "
                + "quantile (rank among the training cells mapped to a standard normal) or robust ((x - median) / IQR);"
                + " fitted on the training rows", defaultValue = "standard") NumericTransform transform) {

    /** Today's encoding: numbers standardised. */
    public static final FeatureOptions DEFAULTS = new FeatureOptions(NumericTransform.STANDARD);

    public FeatureOptions {
        transform = transform == null ? NumericTransform.STANDARD : transform;
    }

    /** Whether every option is at its default (a feature then needs no map in YAML). */
    public boolean isDefault() {
        return equals(DEFAULTS);
    }

    /** Checks that the options fit a feature of {@code type}. */
    void requireFits(FeatureType type) {
        SpecException.require(transform == NumericTransform.STANDARD || type == FeatureType.NUMERIC, "transform",
                "only numeric features have a transform, and this one is " + type.yamlName());
    }
}
