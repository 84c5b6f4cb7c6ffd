package dev.mtl4j.runtime.suggest;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the candidate a misspelt word most likely meant, for "did you mean ..." messages. Distance is
 * optimal string alignment (Levenshtein plus swapping two neighbours), so {@code epcohs} still finds
 * {@code epochs}.
 */
public final class FuzzyMatcher {
    private FuzzyMatcher() {
    }

    /**
     * The closest candidate, if it is close enough: at most {@code max(2, length / 3)} edits away and
     * not a complete rewrite of the word (so that {@code x} does not "mean" {@code lr}).
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(2, word.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance && distance <= limit && distance < Math.max(word.length(), candidate.length())) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The message for a key that is not allowed: {@code unknown key 'epoch'; did you mean 'epochs'?},
     * or, with no close match, the valid keys.
     */
    public static String unknownKey(String key, Collection<String> validKeys) {
        return closest(key, validKeys)
                .map(match -> "unknown key '" + key + "'; did you mean '" + match + "'?")
                .orElseGet(() -> "unknown key '" + key + "'; valid keys are " + validKeys);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
