package dev.mtl4j.plugins.text;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

/**
 * DL4J's {@link EmbeddingSequenceLayer} whose input count stays the vocabulary size. A computation
 * graph built with input types sets every layer's nIn from the width of what it reads, which for
 * token ids is the sequence length, not the number of distinct ids; this layer ignores that.
 * Saved in the network's JSON under this class's name, so loading such a network needs this plugin.
 */
public final class VocabularyEmbedding extends EmbeddingSequenceLayer {

    /** For DL4J's JSON deserialisation. */
    public VocabularyEmbedding() {
    }

    VocabularyEmbedding(int vocabularySize, int dimension, int length) {
        setNIn(vocabularySize);
        setNOut(dimension);
        setInputLength(length);
        setInferInputLength(false);
        setHasBias(false);
        setOutputFormat(RNNFormat.NCW);
        setActivationFn(new ActivationIdentity());
        setWeightInitFn(WeightInit.XAVIER.getWeightInitFunction());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // nIn is the vocabulary size, fixed when the layer was made
    }
}
