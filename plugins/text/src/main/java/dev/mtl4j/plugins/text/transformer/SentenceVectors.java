package dev.mtl4j.plugins.text.transformer;

import dev.mtl4j.api.spi.BatchWorkspace;
import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextForm;
import dev.mtl4j.api.spi.TextProgress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A text as the frozen transformer's sentence embedding (mean of its token vectors, unit length),
 * computed in batches of texts of similar length, so that little time goes to padding.
 */
final class SentenceVectors implements FittedText {
    static final String KIND = "sentence-vectors";
    private static final int BATCH = 32;
    private static final String WORKSPACE_ID = "MTL4J_SENTENCE_VECTORS";

    private final SharedWeights weights;
    private final int depth;
    private final int maxLength;

    SentenceVectors(SharedWeights weights, int depth, int maxLength) {
        this.weights = weights;
        this.depth = depth;
        this.maxLength = maxLength;
    }

    @Override
    public TextForm form() {
        return TextForm.VECTOR;
    }

    @Override
    public int width() {
        return PretrainedWeights.MINILM_SHAPE.hidden();
    }

    @Override
    public int vocabularySize() {
        return 0;
    }

    @Override
    public void transform(List<String> texts, float[] out, TextProgress progress) {
        long[][] ids;
        try (WordPieces pieces = WordPieces.minilm(maxLength)) {
            ids = pieces.ids(texts);
        }
        Integer[] order = new Integer[ids.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(ids[a].length, ids[b].length));
        PretrainedForward forward = new PretrainedForward(weights.get(), depth, DataType.FLOAT);
        int width = width();
        for (int start = 0; start < order.length; start += BATCH) {
            int end = Math.min(order.length, start + BATCH);
            long[][] batch = new long[end - start][];
            for (int i = start; i < end; i++) {
                batch[i - start] = ids[order[i]];
            }
            float[] vectors;
            // A batch's temporaries (six layers of attention and feed-forward for 32 texts, hundreds
            // of MB) live in a workspace reused batch after batch; made as ordinary arrays they were
            // freed only when Java collected their handles, and a frozen run on 2,000 reviews grew
            // past 19 GB before that happened.
            try (MemoryWorkspace ignored = BatchWorkspace.open(WORKSPACE_ID)) {
                INDArray[] padded = PretrainedForward.padded(batch, DataType.FLOAT);
                vectors = forward.sentences(padded[0], padded[1]).dup('c').data().asFloat();
            }
            for (int i = start; i < end; i++) {
                System.arraycopy(vectors, (i - start) * width, out, order[i] * width, width);
            }
            progress.update("embedding", end, order.length);
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", KIND);
        state.put("model", PretrainedWeights.MINILM);
        state.put("depth", depth);
        state.put("maxLength", maxLength);
        return state;
    }
}
