package dev.mtl4j.plugins.text;

import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextForm;
import dev.mtl4j.api.spi.TextProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A text as its MiniLM sentence embedding (384 values); a blank text is all zeros. */
final class MiniLmText implements FittedText {
    private final CachedEmbeddings embeddings;

    MiniLmText(CachedEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public TextForm form() {
        return TextForm.VECTOR;
    }

    @Override
    public int width() {
        return MiniLmEmbedder.DIMENSION;
    }

    @Override
    public int vocabularySize() {
        return 0;
    }

    @Override
    public void transform(List<String> texts, float[] out, TextProgress progress) {
        embeddings.embed(texts, out, progress);
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", "minilm");
        state.put("model", MiniLmEmbedder.MODEL_ID);
        state.put("dimension", MiniLmEmbedder.DIMENSION);
        return state;
    }
}
