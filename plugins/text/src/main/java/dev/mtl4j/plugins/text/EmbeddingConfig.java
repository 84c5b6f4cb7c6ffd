package dev.mtl4j.plugins.text;

import dev.mtl4j.api.graph.ActivationName;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code embedding} encoder's parameters.
 *
 * @param body what reads the embedded tokens: cnn or lstm
 * @param maxLength tokens kept per text (the first ones); shorter texts are padded and masked
 * @param maxVocabulary the most words kept (the most frequent in the training texts)
 * @param minCount the fewest training texts a word must occur in
 * @param dimension the width of a word's embedding
 * @param units convolution filters, or LSTM units
 * @param kernel the convolution's window in tokens (cnn)
 * @param pooling how the sequence becomes one vector: max, avg, or last (lstm)
 * @param hidden dense layers after pooling, bottom first
 * @param activation the activation of the convolution and the dense layers
 * @param dropout the probability of dropping a unit after each dense layer
 */
public record EmbeddingConfig(
        @Param(doc = "what reads the embedded tokens", defaultValue = "cnn") SequenceBody body,
        @Param(doc = "tokens kept per text (the first ones); shorter texts are padded and masked", defaultValue = "200",
                min = 1, max = 10000) int maxLength,
        @Param(doc = "the most words kept, the most frequent in the training split", defaultValue = "20000", min = 1)
        int maxVocabulary,
        @Param(doc = "the fewest training texts a word must occur in", defaultValue = "2", min = 1) int minCount,
        @Param(doc = "width of a word's embedding", defaultValue = "64", min = 1) int dimension,
        @Param(doc = "convolution filters (cnn) or LSTM units (lstm)", defaultValue = "64", min = 1) int units,
        @Param(doc = "convolution window in tokens (cnn)", defaultValue = "5", min = 1) int kernel,
        @Param(doc = "how the sequence becomes one vector; last: the LSTM output at the last real token", defaultValue = "max")
        Pooling pooling,
        @Param(doc = "dense layers after pooling, bottom first", defaultValue = "[]", min = 1) List<Integer> hidden,
        @Param(doc = "activation of the convolution and the dense layers", defaultValue = "relu") ActivationName activation,
        @Param(doc = "probability of dropping a unit after each dense layer", defaultValue = "0.0", min = 0, max = 0.95)
        double dropout) {

    public EmbeddingConfig {
        hidden = DenseStack.widths(hidden);
        if (pooling == Pooling.LAST && body != SequenceBody.LSTM) {
            throw new SpecException("pooling", "'last' needs body: lstm; a convolution has no last step (use max or avg)");
        }
    }
}
