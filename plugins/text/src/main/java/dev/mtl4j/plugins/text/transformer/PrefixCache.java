package dev.mtl4j.plugins.text.transformer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The frozen lower layers' output for each text seen, {@code [tokens, hidden]} floats keyed by the
 * text's word-piece ids, up to a budget of bytes; once full it keeps what it has and stores no more
 * (so memory stays bounded and the texts of the first epochs, which come back, stay cached). Networks
 * of one runtime may share one ({@link PrefixCaches}), so it is thread-safe.
 */
final class PrefixCache {
    /** A text's word-piece ids, compared by value. */
    record Key(float[] ids) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(ids, key.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    private final long budgetBytes;
    private final Map<Key, float[]> outputs = new HashMap<>();
    private long usedBytes;

    PrefixCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    synchronized float[] get(Key key) {
        return outputs.get(key);
    }

    /** Keeps a text's output if the budget allows. */
    synchronized void put(Key key, float[] output) {
        long bytes = 4L * (output.length + key.ids().length) + 64;
        if (usedBytes + bytes <= budgetBytes && !outputs.containsKey(key)) {
            outputs.put(key, output);
            usedBytes += bytes;
        }
    }
}
