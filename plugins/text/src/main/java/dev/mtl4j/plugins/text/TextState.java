package dev.mtl4j.plugins.text;

import java.util.List;
import java.util.Map;

/** Typed reads from a text featurisation's saved state; a malformed value names its key. */
final class TextState {

    private TextState() {
    }

    static String string(Map<String, Object> state, String key) {
        if (!(state.get(key) instanceof String text)) {
            throw invalid(key, "a string", state.get(key));
        }
        return text;
    }

    static int integer(Map<String, Object> state, String key) {
        if (!(state.get(key) instanceof Number number)) {
            throw invalid(key, "a number", state.get(key));
        }
        return number.intValue();
    }

    static List<String> words(Map<String, Object> state, String key) {
        if (!(state.get(key) instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw invalid(key, "a list of strings", state.get(key));
        }
        return list.stream().map(String.class::cast).toList();
    }

    static int[] integers(Map<String, Object> state, String key) {
        if (!(state.get(key) instanceof List<?> list) || !list.stream().allMatch(Number.class::isInstance)) {
            throw invalid(key, "a list of numbers", state.get(key));
        }
        return list.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    /** The vocabulary saved under {@code words}, {@code documentFrequency} and {@code documents}. */
    static Vocabulary vocabulary(Map<String, Object> state) {
        List<String> words = words(state, "words");
        int[] frequency = integers(state, "documentFrequency");
        if (frequency.length != words.size()) {
            throw invalid("documentFrequency", words.size() + " numbers, one per word", frequency.length + " numbers");
        }
        return new Vocabulary(words, frequency, integer(state, "documents"));
    }

    static void putVocabulary(Map<String, Object> state, Vocabulary vocabulary) {
        state.put("words", vocabulary.words());
        state.put("documentFrequency", java.util.Arrays.stream(vocabulary.documentFrequency()).boxed().toList());
        state.put("documents", vocabulary.documents());
    }

    static IllegalArgumentException invalid(String key, String expected, Object found) {
        return new IllegalArgumentException("'" + key + "' should be " + expected + ", found " + found);
    }
}
