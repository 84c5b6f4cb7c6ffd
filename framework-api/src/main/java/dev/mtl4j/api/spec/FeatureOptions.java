package dev.mtl4j.api.spec;

import dev.mtl4j.api.spi.Param;

/**
 * How a feature column is encoded beyond its type: the options of a feature's map in
 * {@code data.features} ({@code AMOUNT: { type: numeric, transform: log }}), or of the DSL's
 * {@code Data.numeric(NumericTransform.LOG, "AMOUNT")} and {@code Data.feature(..)}.
 *
 * @param transform numeric features only: how the number becomes an input
 * @param embedding numeric and ordinal features: a learned embedding of the number before the encoder
 * @param embedAbove categorical features only: a column with more distinct training values than this
 *     gets a learned embedding instead of one-hot; null for one-hot always
 * @param embeddingSize the width of a column's embedding (numeric or categorical)
 * @param frequencies periodic and plr embeddings: trainable frequencies per column
 * @param sigma periodic and plr embeddings: the standard deviation of the frequencies' start
 */
public record FeatureOptions(
        @Param(doc = "numeric only: standard ((x - mean) / std), log (log(1 + x), then standardised; cells >= 0), "
                + "quantile (rank among the training cells mapped to a standard normal) or robust ((x - median) / IQR);"
                + " fitted on the training rows", defaultValue = "standard") NumericTransform transform,
        @Param(doc = "numeric and ordinal: a learned embedding of the column's number before the encoder: none, linear (ReLU(x w + b)), "
                + "periodic (sin/cos of trainable frequencies, then linear) or plr (periodic, then ReLU)",
                defaultValue = "none") NumericEmbedding embedding,
        @Param(doc = "categorical only: a column with more distinct training values than this gets a learned embedding"
                + " (an out-of-vocabulary row for unseen values) instead of one-hot; none: one-hot always",
                defaultValue = Param.NONE, min = 0) Integer embedAbove,
        @Param(doc = "the width of a column's learned embedding", defaultValue = "16", min = 1) int embeddingSize,
        @Param(doc = "periodic and plr: trainable frequencies per column", defaultValue = "48", min = 1) int frequencies,
        @Param(doc = "periodic and plr: standard deviation of the frequencies' start (N(0, sigma^2))",
                defaultValue = "0.01", min = 0) double sigma) {

    public static final int DEFAULT_EMBEDDING_SIZE = 16;
    public static final int DEFAULT_FREQUENCIES = 48;
    public static final double DEFAULT_SIGMA = 0.01;
    /** Today's encoding: numbers standardised, categories one-hot. */
    public static final FeatureOptions DEFAULTS = new FeatureOptions(NumericTransform.STANDARD);

    public FeatureOptions {
        transform = transform == null ? NumericTransform.STANDARD : transform;
        embedding = embedding == null ? NumericEmbedding.NONE : embedding;
        SpecException.require(embedAbove == null || embedAbove >= 0, "embedAbove", "must be >= 0, got " + embedAbove);
        SpecException.require(embeddingSize >= 1, "embeddingSize", "must be >= 1, got " + embeddingSize);
        SpecException.require(frequencies >= 1, "frequencies", "must be >= 1, got " + frequencies);
        SpecException.require(sigma > 0 && Double.isFinite(sigma), "sigma", "must be > 0, got " + sigma);
        boolean periodic = embedding == NumericEmbedding.PERIODIC || embedding == NumericEmbedding.PLR;
        SpecException.require(periodic || (frequencies == DEFAULT_FREQUENCIES && sigma == DEFAULT_SIGMA),
                periodic || frequencies == DEFAULT_FREQUENCIES ? "sigma" : "frequencies",
                "only periodic and plr embeddings have frequencies (set embedding: periodic or plr)");
        SpecException.require(embedding != NumericEmbedding.NONE || embedAbove != null
                || embeddingSize == DEFAULT_EMBEDDING_SIZE, "embeddingSize",
                "sizes an embedding, and this feature has none (set embedding or embedAbove)");
    }

    /** Only a transform. */
    public FeatureOptions(NumericTransform transform) {
        this(transform, NumericEmbedding.NONE, null, DEFAULT_EMBEDDING_SIZE, DEFAULT_FREQUENCIES, DEFAULT_SIGMA);
    }

    /** A numeric embedding of the default size (periodic and plr with the default frequencies). */
    public static FeatureOptions embedded(NumericEmbedding embedding) {
        return new FeatureOptions(NumericTransform.STANDARD, embedding, null, DEFAULT_EMBEDDING_SIZE, DEFAULT_FREQUENCIES,
                DEFAULT_SIGMA);
    }

    /** Categories embedded, in {@code size} dimensions, when a column has more than {@code above} values. */
    public static FeatureOptions embeddedAbove(int above, int size) {
        return new FeatureOptions(NumericTransform.STANDARD, NumericEmbedding.NONE, above, size, DEFAULT_FREQUENCIES,
                DEFAULT_SIGMA);
    }

    /** Whether every option is at its default (a feature then needs no map in YAML). */
    public boolean isDefault() {
        return equals(DEFAULTS);
    }

    /** Checks that the options fit a feature of {@code type}. */
    void requireFits(FeatureType type) {
        SpecException.require(transform == NumericTransform.STANDARD || type == FeatureType.NUMERIC, "transform",
                "only numeric features have a transform, and this one is " + type.yamlName());
        SpecException.require(embedding == NumericEmbedding.NONE || type == FeatureType.NUMERIC || type == FeatureType.ORDINAL,
                "embedding", "only numeric and ordinal features have a numeric embedding, and this one is " + type.yamlName()
                        + (type == FeatureType.CATEGORICAL ? " (use embedAbove)" : ""));
        SpecException.require(embedAbove == null || type == FeatureType.CATEGORICAL, "embedAbove",
                "only categorical features are embedded above a number of values, and this one is " + type.yamlName());
    }
}
