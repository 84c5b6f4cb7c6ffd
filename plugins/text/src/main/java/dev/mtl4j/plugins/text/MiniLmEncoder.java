package dev.mtl4j.plugins.text;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The language model is frozen and outside the network: its embeddings are features, computed once
 * per distinct text and cached, so training epochs only run the dense layers above them.
 */
final class MiniLmEncoder implements TextEncoder {
    private final MiniLmConfig config;
    private final Supplier<SentenceEmbedder> model;

    MiniLmEncoder(MiniLmConfig config, Supplier<SentenceEmbedder> model) {
        this.config = config;
        this.model = model;
    }

    @Override
    public FittedText fit(List<String> texts, TextProgress progress) {
        // nothing to learn: a frozen model featurises every split alike
        return new MiniLmText(new CachedEmbeddings(model, config.cacheDirectory(), config.batch()));
    }

    @Override
    public FittedText restore(Map<String, Object> state) {
        String saved = TextState.string(state, "model");
        if (!saved.equals(MiniLmEmbedder.MODEL_ID)) {
            throw new IllegalArgumentException("the model was trained on embeddings of '" + saved + "', this mtl4j has '"
                    + MiniLmEmbedder.MODEL_ID + "'");
        }
        return new MiniLmText(new CachedEmbeddings(model, config.cacheDirectory(), config.batch()));
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
