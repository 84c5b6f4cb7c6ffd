package dev.mtl4j.plugins.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words kept from the training texts, most frequent first: a word must occur in at least
 * {@code minCount} training texts, and at most {@code maxSize} words are kept (ties broken
 * alphabetically, so the same texts always give the same vocabulary). Also the number of training
 * texts each kept word occurs in, for inverse document frequencies.
 */
final class Vocabulary {
    private final List<String> words;
    private final int[] documentFrequency;
    private final int documents;
    private final Map<String, Integer> index = new HashMap<>();

    Vocabulary(List<String> words, int[] documentFrequency, int documents) {
        this.words = List.copyOf(words);
        this.documentFrequency = documentFrequency.clone();
        this.documents = documents;
        for (int i = 0; i < this.words.size(); i++) {
            index.put(this.words.get(i), i);
        }
    }

    static Vocabulary fit(List<String> texts, int minCount, int maxSize) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            Set<String> seen = new HashSet<>(Tokenizer.words(text));
            seen.forEach(word -> counts.merge(word, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= minCount).forEach(kept::add);
        kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Integer>> top = kept.subList(0, Math.min(maxSize, kept.size()));
        List<String> words = top.stream().map(Map.Entry::getKey).toList();
        int[] frequency = top.stream().mapToInt(Map.Entry::getValue).toArray();
        return new Vocabulary(words, frequency, texts.size());
    }

    int size() {
        return words.size();
    }

    /** The word's index, or -1 when it is not in the vocabulary. */
    int indexOf(String word) {
        return index.getOrDefault(word, -1);
    }

    List<String> words() {
        return words;
    }

    int[] documentFrequency() {
        return documentFrequency.clone();
    }

    int documents() {
        return documents;
    }
}
