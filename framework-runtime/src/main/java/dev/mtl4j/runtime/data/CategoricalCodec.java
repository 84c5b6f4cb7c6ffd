package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawColumn;
import dev.mtl4j.api.spi.RawTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One-hot over the training rows' distinct values, in natural order; a missing cell is all zeros.
 * An unseen value is an error, or, with {@code other}, goes to an extra last slot.
 */
final class CategoricalCodec implements ColumnCodec {
    private static final int SHOWN = 5;

    private final String column;
    private final List<String> values;
    private final boolean other;
    private final Map<String, Integer> slots = new HashMap<>();

    CategoricalCodec(String column, List<String> values, boolean other) {
        this.column = column;
        this.values = List.copyOf(values);
        this.other = other;
        for (int i = 0; i < this.values.size(); i++) {
            slots.put(this.values.get(i), i);
        }
    }

    /**
     * Fits on the distinct values of {@code column} among each chunk's rows: each chunk's value set,
     * merged by union.
     */
    static CategoricalCodec fit(List<Rows> chunks, String column, boolean other) {
        Set<String> seen = new LinkedHashSet<>();
        for (Rows chunk : chunks) {
            seen.addAll(distinct(chunk.table(), chunk.index(column), chunk.rows()));
        }
        return new CategoricalCodec(column, Numbers.naturalOrder(seen), other);
    }

    /** The distinct values of a column's non-missing cells among {@code rows}, in first-seen order. */
    static Set<String> distinct(RawTable table, int index, int[] rows) {
        RawColumn column = table.column(index);
        boolean[] seen = new boolean[column.codeCount()];
        Set<String> values = new LinkedHashSet<>();
        for (int row : rows) {
            int code = column.code(row);
            if (code != RawColumn.MISSING && !seen[code]) {
                seen[code] = true;
                values.add(column.value(code));
            }
        }
        return values;
    }

    /** The training rows' values, in slot order. */
    List<String> values() {
        return values;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public int width() {
        return values.size() + (other ? 1 : 0);
    }

    @Override
    public void encode(String cell, float[] out, int offset, RawTable table, int row, int index) {
        if (cell == null) {
            return;
        }
        Integer slot = slots.get(cell);
        if (slot != null) {
            out[offset + slot] = 1f;
        } else if (other) {
            out[offset + values.size()] = 1f;
        } else {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.at(table.locate(row, index), "value '" + cell
                    + "' was not in the training rows (known: " + known()
                    + "); set data.unseen to 'other' to map unseen values to an extra input"));
        }
    }

    @Override
    public PreparedColumn prepare(RawTable table, int index) {
        int[] prepared = CodeValues.slots(table.column(index), slots);
        if (other) {
            for (int code = 0; code < prepared.length; code++) {
                prepared[code] = prepared[code] == CodeValues.UNKNOWN ? values.size() : prepared[code];
            }
        }
        return PreparedColumn.slots(prepared, this, table, index);
    }

    private String known() {
        String shown = String.join(", ", values.subList(0, Math.min(SHOWN, values.size())));
        return values.size() <= SHOWN ? shown : shown + ", ... " + values.size() + " values in all";
    }

    @Override
    public List<String> inputNames() {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(column + "=" + v));
        if (other) {
            names.add(column + "=<other>");
        }
        return names;
    }

    @Override
    public Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("column", column);
        state.put("type", "categorical");
        state.put("values", new ArrayList<>(values));
        state.put("other", other);
        return state;
    }

    static CategoricalCodec fromState(Map<?, ?> state) {
        return new CategoricalCodec(State.string(state, "column"), State.strings(state, "values"),
                State.flag(state, "other"));
    }
}
