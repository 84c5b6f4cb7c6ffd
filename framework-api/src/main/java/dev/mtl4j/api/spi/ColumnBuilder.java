package dev.mtl4j.api.spi;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Collects one column's cells as UTF-8 bytes. It starts coded: a hash table over the distinct values
 * gives each row the number of its value, and a value's bytes are kept once. When distinct values
 * outnumber half the rows (and a few thousand), codes no longer save memory and the column turns
 * packed: every row's bytes one after the other, the hash table dropped.
 */
final class ColumnBuilder {
    /** Below this many distinct values a column always stays coded. */
    static final int ALWAYS_CODED = 4096;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private int rows;
    private int values;
    private byte[] bytes = new byte[64];
    private int byteCount;
    private int[] starts = new int[16];
    // coded form
    private int[] codes = new int[16];
    private int[] hashes = new int[16];
    private int[] table = new int[32];
    // packed form
    private BitSet missing;

    int rows() {
        return rows;
    }

    /** Appends a cell given as UTF-8 bytes. */
    void add(byte[] source, int from, int length) {
        if (codes == null) {
            appendValue(source, from, length);
            rows++;
            return;
        }
        int hash = hash(source, from, length);
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != 0) {
            int code = table[slot] - 1;
            if (hashes[code] == hash && equal(code, source, from, length)) {
                addCode(code);
                return;
            }
            slot = (slot + 1) & mask;
        }
        int code = values;
        appendValue(source, from, length);
        if (code == hashes.length) {
            hashes = Arrays.copyOf(hashes, grown(hashes.length));
        }
        hashes[code] = hash;
        table[slot] = code + 1;
        addCode(code);
        if (values * 2 > table.length) {
            rehash();
        }
        if (values > ALWAYS_CODED && values * 2L > rows) {
            pack();
        }
    }

    void addMissing() {
        if (codes == null) {
            if (missing == null) {
                missing = new BitSet();
            }
            missing.set(rows);
            appendValue(bytes, 0, 0);
            rows++;
        } else {
            addCode(RawColumn.MISSING);
        }
    }

    /** About how many bytes the column holds now. */
    long memoryBytes() {
        long total = (long) bytes.length + 4L * starts.length;
        if (codes != null) {
            total += 4L * (codes.length + hashes.length + table.length);
        }
        return total;
    }

    RawColumn build() {
        int[] finalStarts = Arrays.copyOf(starts, values + 1);
        byte[] finalBytes = bytes.length - byteCount > bytes.length / 4 ? Arrays.copyOf(bytes, byteCount) : bytes;
        if (codes == null) {
            return new RawColumn(rows, null, missing == null ? new BitSet() : missing, finalBytes, finalStarts, values);
        }
        return new RawColumn(rows, Arrays.copyOf(codes, rows), null, finalBytes, finalStarts, values);
    }

    private void addCode(int code) {
        if (rows == codes.length) {
            codes = Arrays.copyOf(codes, grown(codes.length));
        }
        codes[rows++] = code;
    }

    private void appendValue(byte[] source, int from, int length) {
        if ((long) byteCount + length > MAX_ARRAY) {
            throw new IllegalStateException("a column holds more than 2 GiB of text");
        }
        if (byteCount + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(byteCount + length, grown(bytes.length)));
        }
        System.arraycopy(source, from, bytes, byteCount, length);
        byteCount += length;
        if (values + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, grown(starts.length));
        }
        values++;
        starts[values] = byteCount;
    }

    private boolean equal(int code, byte[] source, int from, int length) {
        int start = starts[code];
        return starts[code + 1] - start == length
                && Arrays.equals(bytes, start, start + length, source, from, from + length);
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int code = 0; code < values; code++) {
            int slot = hashes[code] & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = code + 1;
        }
        table = bigger;
    }

    /** Turns the coded column into one whose every row has its own bytes. */
    private void pack() {
        byte[] valueBytes = bytes;
        int[] valueStarts = starts;
        int[] rowCodes = codes;
        int rowCount = rows;
        bytes = new byte[Math.max(64, byteCount * 2)];
        byteCount = 0;
        starts = new int[grown(rowCount + 1)];
        values = 0;
        rows = 0;
        codes = null;
        hashes = null;
        table = null;
        for (int row = 0; row < rowCount; row++) {
            int code = rowCodes[row];
            if (code == RawColumn.MISSING) {
                addMissing();
            } else {
                add(valueBytes, valueStarts[code], valueStarts[code + 1] - valueStarts[code]);
            }
        }
    }

    private static int hash(byte[] source, int from, int length) {
        int hash = 0x811C9DC5;
        for (int i = from; i < from + length; i++) {
            hash = (hash ^ source[i]) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }

    private static int grown(int length) {
        long grown = length + (length >> 1) + 16L;
        return (int) Math.min(grown, MAX_ARRAY);
    }
}
