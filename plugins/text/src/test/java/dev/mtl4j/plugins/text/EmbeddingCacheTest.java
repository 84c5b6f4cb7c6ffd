package dev.mtl4j.plugins.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spi.TextProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real all-MiniLM-L6-v2 behind a counting wrapper: the disk cache must keep every text but the
 * new ones away from the language model, and give back exactly what the model gave.
 */
final class EmbeddingCacheTest {
    private static final int DIMENSION = MiniLmEmbedder.DIMENSION;
    private static SentenceEmbedder model;
    private static List<String> texts;

    @TempDir
    Path cache;

    @BeforeAll
    static void loadModel() throws Exception {
        model = new MiniLmEmbedder();
        List<String> reviews = Reviews.first(120);
        texts = new ArrayList<>(reviews);
        texts.addAll(reviews.subList(0, 30)); // repeated texts are embedded once
        texts.add("");                         // a blank text is zeros, never sent to the model
    }

    @Test
    void aSecondRunReadsEveryEmbeddingFromTheCacheAndNeverLoadsTheModel() {
        Counting first = new Counting();
        float[] cold = embed(first);
        assertThat(first.texts.get()).isEqualTo(120);
        assertThat(first.loads.get()).isEqualTo(1);

        Counting second = new Counting();
        float[] warm = embed(second);
        assertThat(second.texts.get()).isZero();
        assertThat(second.loads.get()).as("a warm cache never loads the language model").isZero();
        assertThat(warm).containsExactly(cold);
        assertThat(java.util.Arrays.copyOfRange(cold, 150 * DIMENSION, 151 * DIMENSION)).containsOnly(0f);
    }

    @Test
    void onlyNewTextsReachTheModel() {
        embed(new Counting());
        List<String> more = new ArrayList<>(texts);
        more.add("A brand new review: the coffee was stale and bitter.");
        more.add("Another one: my dog loves these treats.");
        Counting counting = new Counting();
        float[] out = new float[more.size() * DIMENSION];
        new CachedEmbeddings(counting, cache, 32).embed(more, out, TextProgress.NONE);
        assertThat(counting.texts.get()).isEqualTo(2);
    }

    @Test
    void theEmbeddingsCarryMeaning() {
        float[][] v = model.embed(List.of("This coffee tastes wonderful, I love it.",
                "Delicious coffee, my favourite, highly recommended!", "The box arrived crushed and the bags were torn."));
        assertThat(cosine(v[0], v[1])).isGreaterThan(cosine(v[0], v[2]) + 0.1);
    }

    private float[] embed(Counting counting) {
        float[] out = new float[texts.size() * DIMENSION];
        new CachedEmbeddings(counting, cache, 32).embed(texts, out, TextProgress.NONE);
        return out;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Counts model loads and the texts that reach the model. */
    private static final class Counting implements java.util.function.Supplier<SentenceEmbedder> {
        final AtomicInteger loads = new AtomicInteger();
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public SentenceEmbedder get() {
            loads.incrementAndGet();
            return new SentenceEmbedder() {
                @Override
                public String modelId() {
                    return model.modelId();
                }

                @Override
                public int dimension() {
                    return model.dimension();
                }

                @Override
                public float[][] embed(List<String> batch) {
                    texts.addAndGet(batch.size());
                    return model.embed(batch);
                }
            };
        }
    }
}
