package dev.mtl4j.plugins.text;

import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.EncoderFactory;

/** {@code bag-of-words}: word counts over a vocabulary learned from the training split, then dense layers. */
public final class BagOfWordsFactory implements EncoderFactory<BagOfWordsConfig> {

    @Override
    public String name() {
        return "bag-of-words";
    }

    @Override
    public String description() {
        return "Text as a bag of words (binary, counts or TF-IDF over the training split's vocabulary) feeding dense layers.";
    }

    @Override
    public Class<BagOfWordsConfig> configType() {
        return BagOfWordsConfig.class;
    }

    @Override
    public Encoder create(BagOfWordsConfig config) {
        return new BagOfWordsEncoder(config);
    }
}
