package dev.mtl4j.plugins.text.transformer;

import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextForm;
import dev.mtl4j.api.spi.TextProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A text as all-MiniLM-L6-v2's word-piece ids ({@code [CLS] ... [SEP]}, at most {@code maxLength}), padded with 0. */
final class WordPieceSequences implements FittedText {
    static final String KIND = "word-pieces";
    private static final int REPORT_EVERY = 256;

    private final int maxLength;

    WordPieceSequences(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public TextForm form() {
        return TextForm.SEQUENCE;
    }

    @Override
    public int width() {
        return maxLength;
    }

    @Override
    public int vocabularySize() {
        return PretrainedWeights.MINILM_SHAPE.vocabulary();
    }

    @Override
    public void transform(List<String> texts, float[] out, TextProgress progress) {
        try (WordPieces pieces = WordPieces.minilm(maxLength)) {
            for (int t = 0; t < texts.size(); t++) {
                long[] ids = pieces.ids(texts.get(t));
                for (int i = 0; i < ids.length; i++) {
                    out[t * maxLength + i] = ids[i];
                }
                if ((t + 1) % REPORT_EVERY == 0 || t + 1 == texts.size()) {
                    progress.update("tokenizing", t + 1, texts.size());
                }
            }
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", KIND);
        state.put("model", PretrainedWeights.MINILM);
        state.put("maxLength", maxLength);
        return state;
    }
}
