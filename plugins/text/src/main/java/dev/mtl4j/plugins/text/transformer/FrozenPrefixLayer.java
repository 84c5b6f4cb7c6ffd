package dev.mtl4j.plugins.text.transformer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A pretrained transformer's embeddings and its lowest {@code blocks} layers, frozen, as one layer:
 * reads {@code [batch, length]} word-piece ids, writes {@code [batch, length', hidden]} (length' the
 * batch's longest text). Nothing in it trains and it passes no gradient down (ids have none), so a
 * network tuning the layers above never runs these backwards, and keeps each text's output (up to
 * {@code cacheMegabytes}) so that later epochs skip them too.
 */
public final class FrozenPrefixLayer extends PretrainedLayer {
    private static final String BLOCK = "b";

    @JsonProperty
    private int vocabulary;
    @JsonProperty
    private int positions;
    @JsonProperty
    private int hidden;
    @JsonProperty
    private int heads;
    @JsonProperty
    private int intermediate;
    @JsonProperty
    private double epsilon;
    @JsonProperty
    private int blocks;
    @JsonProperty
    private int cacheMegabytes;

    /** The runtime's shared caches of frozen outputs, while the encoder builds a network (never serialised). */
    @org.nd4j.shade.jackson.annotation.JsonIgnore
    private transient PrefixCaches sharedCaches;

    /** For DL4J's JSON deserialisation. */
    public FrozenPrefixLayer() {
    }

    /** Lets the network share the frozen outputs other networks of the same runtime computed. */
    void shareCaches(PrefixCaches caches) {
        this.sharedCaches = caches;
    }

    /** This layer's cache: shared with the runtime's other networks over the same pretrained layers, or its own. */
    PrefixCache cache(org.nd4j.linalg.api.buffer.DataType dataType) {
        long budget = cacheMegabytes * (1L << 20);
        return sharedCaches == null || getPretrained() == null ? new PrefixCache(budget)
                : sharedCaches.get(getPretrained(), blocks, dataType.name(), budget);
    }

    FrozenPrefixLayer(TransformerShape shape, int blocks, int cacheMegabytes) {
        this.vocabulary = shape.vocabulary();
        this.positions = shape.positions();
        this.hidden = shape.hidden();
        this.heads = shape.heads();
        this.intermediate = shape.intermediate();
        this.epsilon = shape.epsilon();
        this.blocks = blocks;
        this.cacheMegabytes = cacheMegabytes;
    }

    public int getBlocks() {
        return blocks;
    }

    public int getCacheMegabytes() {
        return cacheMegabytes;
    }

    TransformerShape shape() {
        return new TransformerShape(vocabulary, positions, hidden, heads, intermediate, Math.max(blocks, 1), epsilon);
    }

    EmbeddingMath math() {
        return new EmbeddingMath(hidden, epsilon);
    }

    /** How each frozen block computes. */
    BlockSpec blockSpec() {
        return BlockSpec.of(shape(), Tuning.FROZEN, 0, 0, List.of(), 0);
    }

    /** The key of block {@code block}'s parameter {@code key} in this layer. */
    static String blockKey(int block, String key) {
        return BLOCK + block + key;
    }

    @Override
    List<BlockSpec.Param> layout() {
        List<BlockSpec.Param> layout = new ArrayList<>();
        long[][] shapes = EmbeddingMath.shapes(shape());
        for (int i = 0; i < shapes.length; i++) {
            layout.add(new BlockSpec.Param(EmbeddingMath.KEYS.get(i), shapes[i]));
        }
        for (int block = 0; block < blocks; block++) {
            for (BlockSpec.Param param : blockSpec().params()) {
                layout.add(new BlockSpec.Param(blockKey(block, param.key()), param.shape()));
            }
        }
        return layout;
    }

    @Override
    boolean trains(String key) {
        return false;
    }

    @Override
    boolean isPretrained(String key) {
        return true;
    }

    @Override
    INDArray pretrainedValue(PretrainedWeights weights, String key) {
        int embedding = EmbeddingMath.KEYS.indexOf(key);
        if (embedding >= 0) {
            return weights.tensor(TokenEmbeddingLayer.PRETRAINED_NAMES.get(embedding));
        }
        int end = 1;
        while (Character.isDigit(key.charAt(end))) {
            end++;
        }
        return weights.tensor(BlockSpec.pretrainedName(Integer.parseInt(key.substring(1, end)), key.substring(end)));
    }

    @Override
    int outputWidth() {
        return hidden;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        FrozenPrefix layer = new FrozenPrefix(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
