package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A number standardised with the training mean and standard deviation; a missing cell becomes the mean (0). */
final class NumericCodec implements ColumnCodec {
    private final String column;
    private final double mean;
    private final double std;

    NumericCodec(String column, double mean, double std) {
        this.column = column;
        this.mean = mean;
        this.std = std;
    }

    static NumericCodec fit(RawTable table, int index, int[] rows) {
        double[] values = new double[rows.length];
        int count = 0;
        for (int row : rows) {
            String cell = table.cell(row, index);
            if (cell != null) {
                values[count++] = parse(cell, table, row, index);
            }
        }
        double[] moments = moments(values, count);
        return new NumericCodec(table.columns().get(index), moments[0], moments[1]);
    }

    /** Mean and population standard deviation (1 when the values do not vary or there are none). */
    static double[] moments(double[] values, int count) {
        if (count == 0) {
            return new double[] {0, 1};
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / count);
        return new double[] {mean, std > 0 && Double.isFinite(std) ? std : 1};
    }

    static double parse(String cell, RawTable table, int row, int index) {
        double value = Numbers.parse(cell);
        if (Double.isNaN(value)) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.at(table.locate(row, index), "not a number: '" + cell + "'"));
        }
        return value;
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
        if (cell != null) {
            out[offset] = (float) ((parse(cell, table, row, index) - mean) / std);
        }
    }

    @Override
    public PreparedColumn prepare(RawTable table, int index) {
        float[] values = new float[table.size()];
        List<String[]> rows = table.rows();
        for (int row = 0; row < values.length; row++) {
            String cell = rows.get(row)[index];
            values[row] = cell == null ? 0f : (float) ((Numbers.parse(cell) - mean) / std);
        }
        return PreparedColumn.values(values, this, table, index);
    }

    @Override
    public List<String> inputNames() {
        return List.of(column);
    }

    @Override
    public Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("column", column);
        state.put("type", "numeric");
        state.put("mean", mean);
        state.put("std", std);
        return state;
    }

    static NumericCodec fromState(Map<?, ?> state) {
        return new NumericCodec(State.string(state, "column"), State.number(state, "mean"), State.number(state, "std"));
    }
}
