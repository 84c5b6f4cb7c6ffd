package dev.mtl4j.plugins.text;

import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.EncoderFactory;

/** {@code embedding}: learned word embeddings over token ids, read by a 1-D convolution or an LSTM. */
public final class EmbeddingEncoderFactory implements EncoderFactory<EmbeddingConfig> {

    @Override
    public String name() {
        return "embedding";
    }

    @Override
    public String description() {
        return "Word embeddings learned from scratch over the training split's vocabulary, read by a cnn or an lstm"
                + " with padding masked, pooled to one vector.";
    }

    @Override
    public Class<EmbeddingConfig> configType() {
        return EmbeddingConfig.class;
    }

    @Override
    public Encoder create(EmbeddingConfig config) {
        return new EmbeddingEncoder(config, 0);
    }
}
