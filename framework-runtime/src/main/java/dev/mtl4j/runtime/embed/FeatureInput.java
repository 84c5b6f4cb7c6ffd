package dev.mtl4j.runtime.embed;

import java.util.List;
import java.util.Optional;

/**
 * What the network reads: the width of the encoded features and, when some columns are embedded,
 * how each input is embedded (the compiler then puts a {@link TabularEmbeddingLayer} between the
 * input and the encoder).
 *
 * @param width the number of inputs
 * @param embeddings each input's embedding in input order, or empty when none is embedded
 */
public record FeatureInput(int width, Optional<List<ColumnEmbedding>> embeddings) {

    public FeatureInput {
        embeddings = embeddings.map(List::copyOf);
        if (embeddings.isPresent() && embeddings.get().size() != width) {
            throw new IllegalArgumentException(embeddings.get().size() + " embeddings for " + width + " inputs");
        }
    }

    /** Inputs read as they are. */
    public static FeatureInput plain(int width) {
        return new FeatureInput(width, Optional.empty());
    }
}
