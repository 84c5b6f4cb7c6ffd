package dev.mtl4j.plugins.text.transformer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spi.TextProgress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * Embedding many texts with the frozen transformer keeps one batch's temporaries, not all of them:
 * 256 texts of 64 word pieces through two layers make about 1.2 GB of temporaries in 8 batches
 * (a batch's attention, feed-forward and layer-norm arrays for 32 × 64 tokens), which, made as
 * ordinary arrays, stayed until Java collected their handles.
 */
final class SentenceVectorsMemoryTest {
    private static final long MB = 1L << 20;

    @Test
    void residentMemoryStaysNearOneBatchWhateverTheNumberOfTexts() {
        String text = String.join(" ", Collections.nCopies(80, "crunchy"));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            texts.add(i + " " + text);
        }
        SentenceVectors vectors = new SentenceVectors(new SharedWeights(), 2, 64);
        float[] first = new float[32 * vectors.width()];
        vectors.transform(texts.subList(0, 32), first, TextProgress.NONE);
        long before = Pointer.physicalBytes();
        long[] highest = {before};
        float[] out = new float[texts.size() * vectors.width()];
        vectors.transform(texts, out, (stage, done, total) -> highest[0] = Math.max(highest[0], Pointer.physicalBytes()));
        assertThat(highest[0] - before).as("growth while embedding 256 texts").isLessThan(400 * MB);
        for (int d = 0; d < vectors.width(); d++) {
            // the same text (up to its number) gives nearly the same vector in any batch
            assertThat(out[d]).isCloseTo(first[d], org.assertj.core.data.Offset.offset(0.05f));
        }
    }
}
