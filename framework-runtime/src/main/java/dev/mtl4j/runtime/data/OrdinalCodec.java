package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawColumn;
import dev.mtl4j.api.spi.RawTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A declared level's rank scaled to [0, 1]; a missing cell becomes the training mean of that value. */
final class OrdinalCodec implements ColumnCodec {
    private final String column;
    private final List<String> levels;
    private final double missing;
    private final Map<String, Integer> ranks = new HashMap<>();

    OrdinalCodec(String column, List<String> levels, double missing) {
        this.column = column;
        this.levels = List.copyOf(levels);
        this.missing = missing;
        for (int i = 0; i < this.levels.size(); i++) {
            ranks.put(this.levels.get(i), i);
        }
    }

    /** Fits the missing cells' value: the mean scaled rank of {@code column} among each chunk's rows (sum and count). */
    static OrdinalCodec fit(List<Rows> chunks, String column, List<String> levels) {
        OrdinalCodec unfitted = new OrdinalCodec(column, levels, 0);
        double sum = 0;
        int count = 0;
        for (Rows chunk : chunks) {
            int index = chunk.index(column);
            RawColumn cells = chunk.table().column(index);
            int[] ranks = CodeValues.slots(cells, unfitted.ranks);
            for (int row : chunk.rows()) {
                int code = cells.code(row);
                if (code != RawColumn.MISSING) {
                    if (ranks[code] == CodeValues.UNKNOWN) {
                        throw unfitted.notALevel(cells.value(code), chunk.table(), row, index);
                    }
                    sum += ranks[code] / (double) (levels.size() - 1);
                    count++;
                }
            }
        }
        return new OrdinalCodec(column, levels, count == 0 ? 0.5 : sum / count);
    }

    private double value(String cell, RawTable table, int row, int index) {
        Integer rank = ranks.get(cell);
        if (rank == null) {
            throw notALevel(cell, table, row, index);
        }
        return rank / (double) (levels.size() - 1);
    }

    private MtlException notALevel(String cell, RawTable table, int row, int index) {
        return new MtlException(ErrorCategory.DATA_INVALID, Problem.at(table.locate(row, index), "'" + cell
                + "' is not one of the declared levels " + levels));
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
        out[offset] = (float) (cell == null ? missing : value(cell, table, row, index));
    }

    @Override
    public PreparedColumn prepare(RawTable table, int index) {
        int[] byCode = CodeValues.slots(table.column(index), ranks);
        float[] values = new float[byCode.length];
        for (int code = 0; code < values.length; code++) {
            values[code] = byCode[code] == CodeValues.UNKNOWN ? Float.NaN : (float) (byCode[code] / (double) (levels.size() - 1));
        }
        return PreparedColumn.values(values, (float) missing, this, table, index);
    }

    @Override
    public List<String> inputNames() {
        return List.of(column);
    }

    @Override
    public Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("column", column);
        state.put("type", "ordinal");
        state.put("levels", new ArrayList<>(levels));
        state.put("missing", missing);
        return state;
    }

    static OrdinalCodec fromState(Map<?, ?> state) {
        List<String> levels = State.strings(state, "levels");
        if (levels.size() < 2) {
            throw State.invalid("levels", "at least two levels", levels);
        }
        return new OrdinalCodec(State.string(state, "column"), levels, State.number(state, "missing"));
    }
}
