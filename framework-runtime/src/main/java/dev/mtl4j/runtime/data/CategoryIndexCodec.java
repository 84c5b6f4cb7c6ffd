package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.embed.ColumnEmbedding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A category as one input holding its row in a learned embedding table: 1 to N for the training
 * rows' N values (in natural order), 0 — the out-of-vocabulary row — for a missing cell and for a
 * value the training rows never had, whatever {@code data.unseen} says: an embedded column is one
 * with many values, where new ones are expected.
 */
final class CategoryIndexCodec implements ColumnCodec {
    private final String column;
    private final List<String> values;
    private final int size;
    private final Map<String, Integer> rows = new HashMap<>();

    CategoryIndexCodec(String column, List<String> values, int size) {
        this.column = column;
        this.values = List.copyOf(values);
        this.size = size;
        for (int i = 0; i < this.values.size(); i++) {
            rows.put(this.values.get(i), i + 1);
        }
    }

    /** The embedding this column's input takes: a row per value and the out-of-vocabulary row. */
    @Override
    public ColumnEmbedding embedding() {
        return ColumnEmbedding.lookup(values.size() + 1, size);
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public void encode(String cell, float[] out, int offset, RawTable table, int row, int index) {
        out[offset] = cell == null ? 0 : rows.getOrDefault(cell, 0);
    }

    @Override
    public PreparedColumn prepare(RawTable table, int index) {
        int[] slots = CodeValues.slots(table.column(index), rows);
        float[] byCode = new float[slots.length];
        for (int code = 0; code < slots.length; code++) {
            byCode[code] = slots[code] == CodeValues.UNKNOWN ? 0 : slots[code];
        }
        return PreparedColumn.values(byCode, 0f, this, table, index);
    }

    @Override
    public List<String> inputNames() {
        return List.of(column + "#row");
    }

    @Override
    public Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("column", column);
        state.put("type", "category-index");
        state.put("values", new ArrayList<>(values));
        state.put("size", size);
        return state;
    }

    static CategoryIndexCodec fromState(Map<?, ?> state) {
        return new CategoryIndexCodec(State.string(state, "column"), State.strings(state, "values"),
                (int) State.number(state, "size"));
    }
}
