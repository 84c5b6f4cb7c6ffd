package dev.mtl4j.plugins.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case words: maximal runs of letters and digits. Everything else (spaces,
 * punctuation, markup characters) separates words. Deliberately simple and language-neutral: the
 * trainable encoders learn what the words mean, and the same rule runs at training and prediction.
 */
final class Tokenizer {
    /** Longer runs (URLs, base64 blobs in mail) are cut: they are rare and would bloat the vocabulary. */
    static final int MAX_WORD = 40;

    private Tokenizer() {
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(text.substring(start, Math.min(i, start + MAX_WORD)).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }
}
