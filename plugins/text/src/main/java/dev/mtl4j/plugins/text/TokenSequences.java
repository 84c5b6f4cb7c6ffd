package dev.mtl4j.plugins.text;

import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextForm;
import dev.mtl4j.api.spi.TextProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text as the ids of its first {@code maxLength} words: 0 is padding, 1 a word outside the
 * vocabulary, and word {@code i} of the vocabulary is {@code i + 2}. A text without words becomes
 * one unknown token, so no row is wholly masked.
 */
final class TokenSequences implements FittedText {
    static final int PADDING = 0;
    static final int UNKNOWN = 1;
    private static final int FIRST_WORD = 2;

    private final Vocabulary vocabulary;
    private final int maxLength;

    TokenSequences(Vocabulary vocabulary, int maxLength) {
        this.vocabulary = vocabulary;
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
        return vocabulary.size() + FIRST_WORD;
    }

    @Override
    public void transform(List<String> texts, float[] out, TextProgress progress) {
        for (int t = 0; t < texts.size(); t++) {
            List<String> words = Tokenizer.words(texts.get(t));
            int base = t * maxLength;
            int length = Math.min(maxLength, words.size());
            for (int i = 0; i < length; i++) {
                int slot = vocabulary.indexOf(words.get(i));
                out[base + i] = slot < 0 ? UNKNOWN : slot + FIRST_WORD;
            }
            if (length == 0) {
                out[base] = UNKNOWN;
            }
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", "token-sequences");
        state.put("maxLength", maxLength);
        TextState.putVocabulary(state, vocabulary);
        return state;
    }

    static TokenSequences fromState(Map<String, Object> state) {
        return new TokenSequences(TextState.vocabulary(state), TextState.integer(state, "maxLength"));
    }
}
