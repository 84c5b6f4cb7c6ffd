package dev.mtl4j.plugins.text.transformer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pretrained encoder's forward pass alone, for frozen use: the hidden states after its lowest
 * {@code depth} layers, or the sentence embedding (mean over the tokens, unit length) after all of
 * them, computed with the same arithmetic as the trainable layers.
 */
public final class PretrainedForward {
    private final TransformerShape shape;
    private final Map<String, INDArray> embeddings;
    private final List<Map<String, INDArray>> layers = new ArrayList<>();
    private final BlockMath block;

    /**
     * @param depth how many of the pretrained layers to run, from the bottom
     * @param dataType the precision to compute in (the network's)
     */
    public PretrainedForward(PretrainedWeights weights, int depth, DataType dataType) {
        this.shape = weights.shape().firstLayers(depth);
        this.embeddings = embeddingParams(weights, dataType);
        for (int layer = 0; layer < depth; layer++) {
            layers.add(blockParams(weights, layer, dataType));
        }
        this.block = new BlockMath(BlockSpec.of(shape, Tuning.FROZEN, 0, 0, List.of(), 0));
    }

    /** The embedding layer's parameters under the keys the trainable layer uses. */
    static Map<String, INDArray> embeddingParams(PretrainedWeights weights, DataType dataType) {
        Map<String, INDArray> p = new HashMap<>();
        p.put("word", weights.tensor("embeddings.word_embeddings.weight").castTo(dataType));
        p.put("position", weights.tensor("embeddings.position_embeddings.weight").castTo(dataType));
        p.put("type", weights.tensor("embeddings.token_type_embeddings.weight").castTo(dataType));
        p.put("lnGain", weights.tensor("embeddings.LayerNorm.weight").castTo(dataType));
        p.put("lnBias", weights.tensor("embeddings.LayerNorm.bias").castTo(dataType));
        return p;
    }

    /** A layer's pretrained parameters under the keys the trainable layer uses. */
    static Map<String, INDArray> blockParams(PretrainedWeights weights, int layer, DataType dataType) {
        Map<String, INDArray> p = new HashMap<>();
        BlockSpec frozen = BlockSpec.of(weights.shape(), Tuning.FROZEN, 0, 0, List.of(), 0);
        for (BlockSpec.Param param : frozen.params()) {
            p.put(param.key(), weights.tensor(BlockSpec.pretrainedName(layer, param.key())).castTo(dataType));
        }
        return p;
    }

    public TransformerShape shape() {
        return shape;
    }

    /**
     * @param ids {@code [batch, length]} word-piece ids, 0 after a text's end
     * @param mask {@code [batch, length]}, 1 for a token, 0 for padding
     * @return {@code [batch, length, hidden]}
     */
    public INDArray hidden(INDArray ids, INDArray mask) {
        INDArray x = new EmbeddingMath(shape.hidden(), shape.epsilon()).forward(ids, embeddings).output(shape.hidden());
        INDArray bias = AttentionMath.maskBias(mask);
        for (Map<String, INDArray> layer : layers) {
            x = block.forward(x, bias, layer).output();
        }
        return x;
    }

    /** The sentence embeddings, {@code [batch, hidden]}, unit length. */
    public INDArray sentences(INDArray ids, INDArray mask) {
        return new PoolingMath(true).forward(hidden(ids, mask), mask).output();
    }

    /** Texts' ids padded with 0 to the longest: {@code [ids, mask]}. */
    public static INDArray[] padded(long[][] ids, DataType dataType) {
        int length = 0;
        for (long[] text : ids) {
            length = Math.max(length, text.length);
        }
        INDArray batch = Nd4j.zeros(dataType, ids.length, length);
        INDArray mask = Nd4j.zeros(dataType, ids.length, length);
        for (int i = 0; i < ids.length; i++) {
            for (int t = 0; t < ids[i].length; t++) {
                batch.putScalar(i, t, ids[i][t]);
                mask.putScalar(i, t, 1);
            }
        }
        return new INDArray[] {batch, mask};
    }
}
