package dev.mtl4j.plugins.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantised), from the ONNX model and tokenizer packed in langchain4j's jar: it runs
 * in process and offline. Loading it takes about a second, so it is created only when a text misses
 * the cache.
 */
final class MiniLmEmbedder implements SentenceEmbedder {
    static final String MODEL_ID = "all-minilm-l6-v2-q/langchain4j-1.19.0-beta29";
    static final int DIMENSION = 384;

    private final EmbeddingModel model;

    MiniLmEmbedder() {
        // One text at a time on the calling thread: ONNX Runtime already spreads each text over the cores,
        // and langchain4j's default pool would oversubscribe them.
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[][] embed(List<String> texts) {
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = embeddings.get(i).vector();
        }
        return vectors;
    }
}
