package dev.mtl4j.plugins.text;

import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextForm;
import dev.mtl4j.api.spi.TextProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A text as one value per vocabulary word; words outside the vocabulary are ignored. */
final class BagOfWords implements FittedText {
    private final Vocabulary vocabulary;
    private final Weighting weighting;
    private final float[] idf;

    BagOfWords(Vocabulary vocabulary, Weighting weighting) {
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("the vocabulary is empty: no word occurs in enough training texts"
                    + " (lower minCount)");
        }
        this.vocabulary = vocabulary;
        this.weighting = weighting;
        int[] frequency = vocabulary.documentFrequency();
        this.idf = new float[frequency.length];
        for (int i = 0; i < idf.length; i++) {
            // smoothed: as if one more text held every word, so no word gets an infinite weight
            idf[i] = (float) (Math.log((1.0 + vocabulary.documents()) / (1.0 + frequency[i])) + 1.0);
        }
    }

    @Override
    public TextForm form() {
        return TextForm.VECTOR;
    }

    @Override
    public int width() {
        return vocabulary.size();
    }

    @Override
    public int vocabularySize() {
        return 0;
    }

    @Override
    public void transform(List<String> texts, float[] out, TextProgress progress) {
        int width = width();
        for (int t = 0; t < texts.size(); t++) {
            int base = t * width;
            for (String word : Tokenizer.words(texts.get(t))) {
                int slot = vocabulary.indexOf(word);
                if (slot >= 0) {
                    out[base + slot] = weighting == Weighting.BINARY ? 1f : out[base + slot] + 1f;
                }
            }
            if (weighting == Weighting.TF_IDF) {
                double norm = 0;
                for (int i = 0; i < width; i++) {
                    out[base + i] *= idf[i];
                    norm += (double) out[base + i] * out[base + i];
                }
                if (norm > 0) {
                    float scale = (float) (1 / Math.sqrt(norm));
                    for (int i = 0; i < width; i++) {
                        out[base + i] *= scale;
                    }
                }
            }
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", "bag-of-words");
        state.put("weighting", weighting.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        TextState.putVocabulary(state, vocabulary);
        return state;
    }

    static BagOfWords fromState(Map<String, Object> state) {
        String weighting = TextState.string(state, "weighting");
        Weighting parsed;
        try {
            parsed = Weighting.valueOf(weighting.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw TextState.invalid("weighting", "binary, count or tf-idf", weighting);
        }
        return new BagOfWords(TextState.vocabulary(state), parsed);
    }
}
