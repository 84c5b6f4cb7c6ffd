package dev.mtl4j.plugins.text;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Embeds texts through the disk cache: each distinct text is looked up by its key, and only the
 * misses reach the language model, in batches, which is created on the first miss (a warm cache
 * never loads it).
 */
final class CachedEmbeddings {
    private final Supplier<SentenceEmbedder> factory;
    private final Path directory;
    private final int batch;
    private SentenceEmbedder model;
    private EmbeddingCache cache;

    CachedEmbeddings(Supplier<SentenceEmbedder> factory, Path directory, int batch) {
        this.factory = factory;
        this.directory = directory;
        this.batch = batch;
    }

    /** Writes each text's vector to {@code out[i * 384, (i + 1) * 384)}. */
    synchronized void embed(List<String> texts, float[] out, dev.mtl4j.api.spi.TextProgress progress) {
        EmbeddingCache cache = cache();
        Map<ByteBuffer, String> missing = new LinkedHashMap<>();
        Map<ByteBuffer, float[]> known = new java.util.HashMap<>();
        ByteBuffer[] textKeys = new ByteBuffer[texts.size()];
        for (int t = 0; t < textKeys.length; t++) {
            String text = texts.get(t);
            if (text.isBlank()) {
                continue;
            }
            ByteBuffer key = cache.key(text);
            textKeys[t] = key;
            if (known.containsKey(key) || missing.containsKey(key)) {
                continue;
            }
            float[] vector = cache.get(key);
            if (vector != null) {
                known.put(key, vector);
            } else {
                missing.put(key, text);
            }
        }
        // short enough for one terminal line with a progress bar; the cache's place is in the README
        String stage = String.format(Locale.ROOT, "minilm: embedding %d new texts (%d cached)", missing.size(), known.size());
        List<ByteBuffer> keys = new ArrayList<>(missing.keySet());
        for (int start = 0; start < keys.size(); start += batch) {
            List<ByteBuffer> part = keys.subList(start, Math.min(keys.size(), start + batch));
            float[][] vectors = model().embed(part.stream().map(missing::get).toList());
            Map<ByteBuffer, float[]> computed = new LinkedHashMap<>();
            for (int i = 0; i < vectors.length; i++) {
                computed.put(part.get(i), vectors[i]);
            }
            cache.putAll(computed);
            known.putAll(computed);
            progress.update(stage, start + part.size(), keys.size());
        }
        if (keys.isEmpty() && !known.isEmpty()) {
            progress.update(String.format(Locale.ROOT, "minilm: %d distinct texts, every one from the cache", known.size()),
                    known.size(), known.size());
        }
        int width = MiniLmEmbedder.DIMENSION;
        for (int t = 0; t < textKeys.length; t++) {
            if (textKeys[t] != null) {
                System.arraycopy(known.get(textKeys[t]), 0, out, t * width, width);
            }
        }
    }

    private SentenceEmbedder model() {
        if (model == null) {
            model = factory.get();
            if (model.dimension() != MiniLmEmbedder.DIMENSION) {
                throw new IllegalStateException("the sentence encoder gives " + model.dimension() + " values, expected "
                        + MiniLmEmbedder.DIMENSION);
            }
        }
        return model;
    }

    private EmbeddingCache cache() {
        if (cache == null) {
            // the key names the model, so the cache is opened without loading the model itself
            cache = new EmbeddingCache(directory, MiniLmEmbedder.MODEL_ID, MiniLmEmbedder.DIMENSION);
        }
        return cache;
    }
}
