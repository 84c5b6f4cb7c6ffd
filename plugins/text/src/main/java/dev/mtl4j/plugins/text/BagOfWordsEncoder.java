package dev.mtl4j.plugins.text;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import java.util.List;
import java.util.Map;

/** Learns the vocabulary (and document frequencies) from the training texts; dense layers read the bag. */
final class BagOfWordsEncoder implements TextEncoder {
    private final BagOfWordsConfig config;

    BagOfWordsEncoder(BagOfWordsConfig config) {
        this.config = config;
    }

    @Override
    public FittedText fit(List<String> texts, TextProgress progress) {
        return new BagOfWords(Vocabulary.fit(texts, config.minCount(), config.maxVocabulary()), config.weighting());
    }

    @Override
    public FittedText restore(Map<String, Object> state) {
        return BagOfWords.fromState(state);
    }

    @Override
    public Encoder over(FittedText text) {
        return this;
    }

    @Override
    public LayerStack build(GraphScope scope, String input, int inputSize) {
        return new DenseStack(config.hidden(), config.activation(), config.dropout()).stack(scope, input, inputSize);
    }
}
