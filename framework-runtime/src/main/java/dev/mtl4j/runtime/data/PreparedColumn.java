package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spi.RawColumn;
import dev.mtl4j.api.spi.RawTable;

/**
 * One column of one table, encoded once per distinct value (per code of its {@link RawColumn}): a
 * value per code, or a one-hot slot per code. Encoding a row is then a lookup, and no array per row
 * is made.
 */
final class PreparedColumn {
    /** A slot meaning the value cannot be encoded; encoding that row reports why. */
    static final int INVALID = CodeValues.UNKNOWN;

    private final RawColumn column;
    private final float[] values;
    private final float missing;
    private final int[] slots;
    private final boolean markMissing;
    private final ColumnCodec codec;
    private final RawTable table;
    private final int index;

    private PreparedColumn(float[] values, float missing, int[] slots, boolean markMissing, ColumnCodec codec, RawTable table,
                           int index) {
        this.column = table.column(index);
        this.values = values;
        this.missing = missing;
        this.slots = slots;
        this.markMissing = markMissing;
        this.codec = codec;
        this.table = table;
        this.index = index;
    }

    /** One input per code; NaN where the value cannot be encoded; {@code missing} for a missing cell. */
    static PreparedColumn values(float[] byCode, float missing, ColumnCodec codec, RawTable table, int index) {
        return new PreparedColumn(byCode, missing, null, false, codec, table, index);
    }

    /** One input per code, and a second input that is 1 for a missing cell (whose first input is 0). */
    static PreparedColumn valuesMarkingMissing(float[] byCode, ColumnCodec codec, RawTable table, int index) {
        return new PreparedColumn(byCode, 0f, null, true, codec, table, index);
    }

    /** A one-hot slot per code, or {@link #INVALID}; a missing cell is all zeros. */
    static PreparedColumn slots(int[] byCode, ColumnCodec codec, RawTable table, int index) {
        return new PreparedColumn(null, 0f, byCode, false, codec, table, index);
    }

    /** Writes row {@code row}'s encoding to {@code out} at {@code offset} (zeroed by the caller). */
    void write(int row, float[] out, int offset) {
        int code = column.code(row);
        if (values != null) {
            if (code == RawColumn.MISSING && markMissing) {
                out[offset + 1] = 1f;
            }
            float value = code == RawColumn.MISSING ? missing : values[code];
            if (Float.isNaN(value)) {
                codec.encode(table.cell(row, index), out, offset, table, row, index);
            }
            out[offset] = value;
        } else if (code != RawColumn.MISSING) {
            int slot = slots[code];
            if (slot >= 0) {
                out[offset + slot] = 1f;
            } else {
                codec.encode(table.cell(row, index), out, offset, table, row, index);
            }
        }
    }
}
