package dev.mtl4j.plugins.text;

import dev.mtl4j.api.graph.ActivationName;
import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code bag-of-words} encoder's parameters.
 *
 * @param weighting how an occurring word is weighed
 * @param maxVocabulary the most words kept (the most frequent in the training texts)
 * @param minCount the fewest training texts a word must occur in
 * @param hidden the dense layers on top, bottom first; empty: the heads read the bag itself
 * @param activation the activation of the dense layers
 * @param dropout the probability of dropping a unit after each dense layer
 */
public record BagOfWordsConfig(
        @Param(doc = "how an occurring word is weighed (tf-idf rows have unit length)", defaultValue = "tf-idf") Weighting weighting,
        @Param(doc = "the most words kept, the most frequent in the training split", defaultValue = "10000", min = 1)
        int maxVocabulary,
        @Param(doc = "the fewest training texts a word must occur in", defaultValue = "2", min = 1) int minCount,
        @Param(doc = "dense layers on top, bottom first ([] = the heads read the bag itself)", defaultValue = "[64]", min = 1)
        List<Integer> hidden,
        @Param(doc = "activation of the dense layers", defaultValue = "relu") ActivationName activation,
        @Param(doc = "probability of dropping a unit after each dense layer", defaultValue = "0.0", min = 0, max = 0.95)
        double dropout) {

    public BagOfWordsConfig {
        hidden = DenseStack.widths(hidden);
    }
}
