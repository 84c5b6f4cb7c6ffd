package dev.mtl4j.api.spi;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * One column of a {@link RawTable}: its cells as UTF-8 bytes, never one {@code String} per cell.
 *
 * <p>A column whose values repeat (a category, a small integer) keeps each distinct value once and
 * a number per row, its <em>code</em>; a column whose values rarely repeat (free text, identifiers,
 * measurements) keeps every cell's bytes packed in one array, and there a row's code is the row
 * itself. Either way {@link #code(int)} lets a consumer do its work once per code — parse a number,
 * look up a category — and then only map rows to codes: rows with one code hold one value (rows
 * with different codes may hold equal values when the column is packed).
 */
public final class RawColumn {
    /** The code of a missing cell. */
    public static final int MISSING = -1;

    private final int size;
    /** Per row, its value's number or {@link #MISSING}; null when packed (a row's code is its index). */
    private final int[] codes;
    /** The missing rows of a packed column; null when coded. */
    private final BitSet missing;
    private final byte[] bytes;
    /** Value {@code v}'s bytes are {@code bytes[starts[v], starts[v + 1])}. */
    private final int[] starts;
    private final int values;

    RawColumn(int size, int[] codes, BitSet missing, byte[] bytes, int[] starts, int values) {
        this.size = size;
        this.codes = codes;
        this.missing = missing;
        this.bytes = bytes;
        this.starts = starts;
        this.values = values;
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** The number of codes: distinct values when the column is coded, rows when it is packed. */
    public int codeCount() {
        return values;
    }

    /** Whether each distinct value has one code (the column repeats its values), rather than one per row. */
    public boolean coded() {
        return codes != null;
    }

    /** The code of row {@code row}'s value, in {@code [0, codeCount())}, or {@link #MISSING}. */
    public int code(int row) {
        if (codes != null) {
            return codes[row];
        }
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return missing.get(row) ? MISSING : row;
    }

    public boolean isMissing(int row) {
        return code(row) == MISSING;
    }

    /** The cell of row {@code row}, or null when missing. */
    public String cell(int row) {
        int code = code(row);
        return code == MISSING ? null : value(code);
    }

    /** The value of a code. */
    public String value(int code) {
        return new String(bytes, starts[code], starts[code + 1] - starts[code], StandardCharsets.UTF_8);
    }

    /** The length in UTF-8 bytes of a code's value. */
    public int valueLength(int code) {
        return starts[code + 1] - starts[code];
    }

    /** About how many bytes of memory the column holds. */
    public long memoryBytes() {
        long total = (long) bytes.length + 4L * starts.length;
        if (codes != null) {
            total += 4L * codes.length;
        }
        if (missing != null) {
            total += missing.size() / 8;
        }
        return total;
    }
}
