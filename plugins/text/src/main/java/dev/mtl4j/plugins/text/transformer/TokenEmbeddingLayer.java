package dev.mtl4j.plugins.text.transformer;

import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A pretrained transformer's input embeddings in a DL4J network: reads {@code [batch, length]}
 * word-piece ids (the text encoder's token sequences, 0 for padding), writes {@code [batch, length,
 * hidden]}. Trains fully or not at all.
 */
public final class TokenEmbeddingLayer extends PretrainedLayer {
    static final List<String> PRETRAINED_NAMES = List.of("embeddings.word_embeddings.weight",
            "embeddings.position_embeddings.weight", "embeddings.token_type_embeddings.weight",
            "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias");

    @JsonProperty
    private int vocabulary;
    @JsonProperty
    private int positions;
    @JsonProperty
    private int hidden;
    @JsonProperty
    private double epsilon;
    @JsonProperty
    private boolean trainable;

    /** For DL4J's JSON deserialisation. */
    public TokenEmbeddingLayer() {
    }

    TokenEmbeddingLayer(TransformerShape shape, boolean trainable) {
        this.vocabulary = shape.vocabulary();
        this.positions = shape.positions();
        this.hidden = shape.hidden();
        this.epsilon = shape.epsilon();
        this.trainable = trainable;
    }

    public boolean isTrainable() {
        return trainable;
    }

    EmbeddingMath math() {
        return new EmbeddingMath(hidden, epsilon);
    }

    @Override
    List<BlockSpec.Param> layout() {
        long[][] shapes = {{vocabulary, hidden}, {positions, hidden}, {2, hidden}, {hidden}, {hidden}};
        return java.util.stream.IntStream.range(0, shapes.length)
                .mapToObj(i -> new BlockSpec.Param(EmbeddingMath.KEYS.get(i), shapes[i])).toList();
    }

    @Override
    boolean trains(String key) {
        return trainable;
    }

    @Override
    boolean isPretrained(String key) {
        return true;
    }

    @Override
    INDArray pretrainedValue(PretrainedWeights weights, String key) {
        return weights.tensor(PRETRAINED_NAMES.get(EmbeddingMath.KEYS.indexOf(key)));
    }

    @Override
    int outputWidth() {
        return hidden;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        TokenEmbedding layer = new TokenEmbedding(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
