package dev.mtl4j.plugins.text;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.nd4j.linalg.activations.Activation;

/**
 * Token ids → embedding → cnn or lstm → masked pooling → optional dense layers. The feature mask the
 * runtime passes with token sequences reaches every sequence layer, so padding changes nothing.
 */
final class EmbeddingEncoder implements TextEncoder {
    private final EmbeddingConfig config;
    /** The vocabulary size (padding and unknown included) once bound to a fitted featurisation; 0 before. */
    private final int vocabularySize;

    EmbeddingEncoder(EmbeddingConfig config, int vocabularySize) {
        this.config = config;
        this.vocabularySize = vocabularySize;
    }

    @Override
    public FittedText fit(List<String> texts, TextProgress progress) {
        return new TokenSequences(Vocabulary.fit(texts, config.minCount(), config.maxVocabulary()), config.maxLength());
    }

    @Override
    public FittedText restore(Map<String, Object> state) {
        return TokenSequences.fromState(state);
    }

    @Override
    public Encoder over(FittedText text) {
        return new EmbeddingEncoder(config, text.vocabularySize());
    }

    @Override
    public LayerStack build(GraphScope scope, String input, int inputSize) {
        if (vocabularySize == 0) {
            throw new IllegalStateException("the embedding encoder builds only over a fitted vocabulary: call over(text)");
        }
        List<String> vertices = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String embedded = scope.addLayer("embedding", new VocabularyEmbedding(vocabularySize, config.dimension(), inputSize),
                input);
        vertices.add(embedded);
        sizes.add(config.dimension());
        String pooled = config.body() == SequenceBody.CNN ? convolution(scope, embedded) : lstm(scope, embedded);
        vertices.add(pooled);
        sizes.add(config.units());
        if (!config.hidden().isEmpty()) {
            new DenseStack(config.hidden(), config.activation(), config.dropout())
                    .build(scope, pooled, config.units(), vertices, sizes);
        }
        return new LayerStack(vertices, sizes);
    }

    private String convolution(GraphScope scope, String embedded) {
        String conv = scope.addLayer("conv", TokenConvolution.of(new Convolution1DLayer.Builder().kernelSize(config.kernel()).stride(1)
                .nIn(config.dimension()).nOut(config.units()).convolutionMode(ConvolutionMode.Same)
                .activation(config.activation().activation()).weightInit(config.activation().weightInit())
                .rnnDataFormat(RNNFormat.NCW).build()), embedded);
        return scope.addLayer("pool", new GlobalPoolingLayer.Builder(poolingType()).build(), conv);
    }

    private String lstm(GraphScope scope, String embedded) {
        LSTM lstm = TokenLstm.of(new LSTM.Builder().nIn(config.dimension()).nOut(config.units()).activation(Activation.TANH)
                .dataFormat(RNNFormat.NCW).build());
        if (config.pooling() == Pooling.LAST) {
            return scope.addLayer("lstm", new LastTimeStep(lstm), embedded);
        }
        String sequence = scope.addLayer("lstm", lstm, embedded);
        return scope.addLayer("pool", new GlobalPoolingLayer.Builder(poolingType()).build(), sequence);
    }

    private PoolingType poolingType() {
        return config.pooling() == Pooling.AVG ? PoolingType.AVG : PoolingType.MAX;
    }
}
