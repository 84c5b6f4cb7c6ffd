package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawColumn;
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
        double[] values = present(table, index, rows);
        double[] moments = moments(values, values.length);
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

    /**
     * The numbers in a column's non-missing cells among {@code rows}, in row order, each distinct value
     * parsed once.
     *
     * @throws MtlException DATA_INVALID naming the first cell that is not a number
     */
    static double[] present(RawTable table, int index, int[] rows) {
        RawColumn column = table.column(index);
        double[] numbers = CodeValues.numbers(column);
        double[] values = new double[rows.length];
        int count = 0;
        for (int row : rows) {
            int code = column.code(row);
            if (code != RawColumn.MISSING) {
                double value = numbers[code];
                if (Double.isNaN(value)) {
                    throw notANumber(table.cell(row, index), table, row, index);
                }
                values[count++] = value;
            }
        }
        return java.util.Arrays.copyOf(values, count);
    }

    static MtlException notANumber(String cell, RawTable table, int row, int index) {
        return new MtlException(ErrorCategory.DATA_INVALID, Problem.at(table.locate(row, index), "not a number: '" + cell + "'"));
    }

    static double parse(String cell, RawTable table, int row, int index) {
        double value = Numbers.parse(cell);
        if (Double.isNaN(value)) {
            throw notANumber(cell, table, row, index);
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
        double[] numbers = CodeValues.numbers(table.column(index));
        float[] values = new float[numbers.length];
        for (int code = 0; code < values.length; code++) {
            values[code] = (float) ((numbers[code] - mean) / std);
        }
        return PreparedColumn.values(values, 0f, this, table, index);
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
