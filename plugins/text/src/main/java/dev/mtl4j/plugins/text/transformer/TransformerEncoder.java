package dev.mtl4j.plugins.text.transformer;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.graph.SharedBody;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import dev.mtl4j.plugins.text.DenseStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Word pieces → the frozen embeddings and lower layers (one layer, output cached) → the tuned top
 * layers → mean pooling to a unit-length sentence vector → optional dense layers. Frozen, the
 * sentence vector is computed once per text as a feature and only the dense layers train.
 */
final class TransformerEncoder implements TextEncoder {
    private final TransformerConfig config;
    private final SharedWeights weights;
    private final PrefixCaches caches;

    TransformerEncoder(TransformerConfig config, SharedWeights weights, PrefixCaches caches) {
        this.config = config;
        this.weights = weights;
        this.caches = caches;
    }

    @Override
    public FittedText fit(List<String> texts, TextProgress progress) {
        // nothing is learned from the texts: the tokenizer and the weights are the pretrained model's
        return featurisation(config.maxLength());
    }

    @Override
    public FittedText restore(Map<String, Object> state) {
        String kind = String.valueOf(state.get("kind"));
        String model = String.valueOf(state.get("model"));
        if (!PretrainedWeights.MINILM.equals(model)) {
            throw new IllegalArgumentException("the model was trained on pretrained model '" + model + "', this mtl4j has '"
                    + PretrainedWeights.MINILM + "'");
        }
        if (!(state.get("maxLength") instanceof Number maxLength)) {
            throw new IllegalArgumentException("the text state has no maxLength");
        }
        FittedText restored = featurisation(maxLength.intValue());
        if (!restored.state().get("kind").equals(kind)) {
            throw new IllegalArgumentException("the model's text featurisation is '" + kind + "', its encoder's tuning ("
                    + config.tuning().name().toLowerCase(java.util.Locale.ROOT) + ") reads '" + restored.state().get("kind") + "'");
        }
        return restored;
    }

    private FittedText featurisation(int maxLength) {
        return config.tuning() == Tuning.FROZEN ? new SentenceVectors(weights, config.depth(), maxLength)
                : new WordPieceSequences(maxLength);
    }

    @Override
    public Encoder over(FittedText text) {
        return this;
    }

    @Override
    public LayerStack build(GraphScope scope, String input, int inputSize) {
        if (config.tuning() == Tuning.FROZEN) {
            return dense().stack(scope, input, inputSize);
        }
        PretrainedWeights pretrained = weights.get();
        TransformerShape shape = pretrained.shape().firstLayers(config.depth());
        PretrainedLayer bottom = config.tuneEmbeddings() ? new TokenEmbeddingLayer(shape, true) : prefix(shape);
        bottom.useWeights(pretrained);
        String previous = scope.addLayer(config.tuneEmbeddings() ? "embeddings" : "frozen", bottom, input);
        List<String> vertices = new ArrayList<>(List.of(previous));
        List<Integer> sizes = new ArrayList<>(List.of(shape.hidden()));
        return top(scope, previous, shape, pretrained, vertices, sizes, config.tuneEmbeddings());
    }

    /**
     * The embeddings and frozen lower layers, once; over them each tower the caller builds gets its
     * own tuned layers (with their LoRA matrices or adapters), pooling and dense layers. None when
     * nothing is frozen below the tuned layers (tuning frozen, or trainable embeddings).
     */
    @Override
    public SharedBody sharedBody(GraphScope scope, String input, int inputSize) {
        if (config.tuning() == Tuning.FROZEN || config.tuneEmbeddings()) {
            return null;
        }
        PretrainedWeights pretrained = weights.get();
        TransformerShape shape = pretrained.shape().firstLayers(config.depth());
        FrozenPrefixLayer prefix = prefix(shape);
        prefix.useWeights(pretrained);
        String body = scope.addLayer("frozen", prefix, input);
        return new SharedBody(body, shape.hidden(), (towerScope, towerInput, towerSize) ->
                top(towerScope, towerInput, shape, pretrained, new ArrayList<>(), new ArrayList<>(), false));
    }

    private FrozenPrefixLayer prefix(TransformerShape shape) {
        FrozenPrefixLayer prefix = new FrozenPrefixLayer(shape, config.depth() - config.tuned(), config.cacheMegabytes());
        prefix.shareCaches(caches);
        return prefix;
    }

    /**
     * The tuned layers, pooling and dense layers over {@code previous}, appended to {@code vertices};
     * {@code belowTrains}: whether what {@code previous} names trains (else the lowest tuned layer
     * computes no gradient for its input).
     */
    private LayerStack top(GraphScope scope, String previous, TransformerShape shape, PretrainedWeights pretrained,
                           List<String> vertices, List<Integer> sizes, boolean belowTrains) {
        int lowest = config.depth() - config.tuned();
        for (int layer = lowest; layer < config.depth(); layer++) {
            TransformerBlockLayer block = new TransformerBlockLayer(config.blockSpec(shape), layer, belowTrains || layer > lowest);
            block.useWeights(pretrained);
            previous = scope.addLayer("layer_" + layer, block, previous);
            vertices.add(previous);
            sizes.add(shape.hidden());
        }
        previous = scope.addLayer("pool", new SentencePoolingLayer(shape.hidden(), true), previous);
        vertices.add(previous);
        sizes.add(shape.hidden());
        dense().build(scope, previous, shape.hidden(), vertices, sizes);
        return new LayerStack(vertices, sizes);
    }

    private DenseStack dense() {
        return new DenseStack(config.hidden(), config.activation(), config.dropout());
    }
}
