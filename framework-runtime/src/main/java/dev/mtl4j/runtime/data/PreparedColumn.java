package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spi.RawTable;

/** One column of one table, encoded for every row: a value per row, or a one-hot slot per row. */
final class PreparedColumn {
    /** A slot meaning "all zeros" (a missing category). */
    static final int NONE = -1;
    /** A slot or value (NaN) meaning the cell cannot be encoded; encoding that row reports why. */
    static final int INVALID = -2;

    private final float[] values;
    private final int[] slots;
    private final ColumnCodec codec;
    private final RawTable table;
    private final int index;

    private PreparedColumn(float[] values, int[] slots, ColumnCodec codec, RawTable table, int index) {
        this.values = values;
        this.slots = slots;
        this.codec = codec;
        this.table = table;
        this.index = index;
    }

    static PreparedColumn values(float[] values, ColumnCodec codec, RawTable table, int index) {
        return new PreparedColumn(values, null, codec, table, index);
    }

    static PreparedColumn slots(int[] slots, ColumnCodec codec, RawTable table, int index) {
        return new PreparedColumn(null, slots, codec, table, index);
    }

    /** Writes row {@code row}'s encoding to {@code out} at {@code offset} (zeroed by the caller). */
    void write(int row, float[] out, int offset) {
        if (values != null) {
            float value = values[row];
            if (Float.isNaN(value)) {
                codec.encode(table.cell(row, index), out, offset, table, row, index);
            }
            out[offset] = value;
        } else {
            int slot = slots[row];
            if (slot >= 0) {
                out[offset + slot] = 1f;
            } else if (slot == INVALID) {
                codec.encode(table.cell(row, index), out, offset, table, row, index);
            }
        }
    }
}
