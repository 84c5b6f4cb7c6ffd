package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawColumn;
import dev.mtl4j.api.spi.RawTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * A number standardised with the training mean and standard deviation; a missing cell becomes the
 * mean (0). When training cells were missing, a second input says which cells are (1 = missing): the
 * network can then tell "missing" from "average", which imputing the mean alone hides.
 */
final class NumericCodec implements ColumnCodec {
    static final String MISSING_SUFFIX = "=missing";

    private final String column;
    private final double mean;
    private final double std;
    private final boolean indicator;

    NumericCodec(String column, double mean, double std, boolean indicator) {
        this.column = column;
        this.mean = mean;
        this.std = std;
        this.indicator = indicator;
    }

    /** Fits on the non-missing cells of {@code column} among each chunk's rows; an indicator when some are missing. */
    static NumericCodec fit(List<Rows> chunks, String column) {
        Moments.Result moments = moments(chunks, column);
        long rows = chunks.stream().mapToLong(chunk -> chunk.rows().length).sum();
        return new NumericCodec(column, moments.mean(), moments.std(), moments.count() < rows);
    }

    /** Whether a second input marks the missing cells. */
    boolean indicator() {
        return indicator;
    }

    /**
     * The mean and standard deviation of the numbers in a column's non-missing cells among each
     * chunk's rows: the two passes of {@link Moments} over the chunks in order, each distinct value
     * of a chunk parsed once.
     *
     * @throws MtlException DATA_INVALID naming the first cell that is not a number
     */
    static Moments.Result moments(List<Rows> chunks, String column) {
        double[][] numbers = new double[chunks.size()][];
        Moments.Sums sums = new Moments.Sums();
        for (int k = 0; k < chunks.size(); k++) {
            numbers[k] = CodeValues.numbers(chunks.get(k).table().column(chunks.get(k).index(column)));
            forEach(chunks.get(k), column, numbers[k], sums::add);
        }
        Moments.Squares squares = new Moments.Squares(sums.mean());
        for (int k = 0; k < chunks.size(); k++) {
            forEach(chunks.get(k), column, numbers[k], squares::add);
        }
        return new Moments.Result(sums.mean(), squares.std(sums.count()), sums.count());
    }

    private static void forEach(Rows chunk, String column, double[] numbers, DoubleConsumer sink) {
        int index = chunk.index(column);
        RawColumn cells = chunk.table().column(index);
        for (int row : chunk.rows()) {
            int code = cells.code(row);
            if (code != RawColumn.MISSING) {
                double value = numbers[code];
                if (Double.isNaN(value)) {
                    throw notANumber(cells.value(code), chunk.table(), row, index);
                }
                sink.accept(value);
            }
        }
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
        return indicator ? 2 : 1;
    }

    @Override
    public void encode(String cell, float[] out, int offset, RawTable table, int row, int index) {
        if (cell != null) {
            out[offset] = (float) ((parse(cell, table, row, index) - mean) / std);
        } else if (indicator) {
            out[offset + 1] = 1f;
        }
    }

    @Override
    public PreparedColumn prepare(RawTable table, int index) {
        double[] numbers = CodeValues.numbers(table.column(index));
        float[] values = new float[numbers.length];
        for (int code = 0; code < values.length; code++) {
            values[code] = (float) ((numbers[code] - mean) / std);
        }
        return indicator ? PreparedColumn.valuesMarkingMissing(values, this, table, index)
                : PreparedColumn.values(values, 0f, this, table, index);
    }

    @Override
    public List<String> inputNames() {
        return indicator ? List.of(column, column + MISSING_SUFFIX) : List.of(column);
    }

    @Override
    public Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("column", column);
        state.put("type", "numeric");
        state.put("mean", mean);
        state.put("std", std);
        if (indicator) {
            state.put("indicator", true);
        }
        return state;
    }

    static NumericCodec fromState(Map<?, ?> state) {
        // models saved before indicators existed have none
        boolean indicator = state.containsKey("indicator") && State.flag(state, "indicator");
        return new NumericCodec(State.string(state, "column"), State.number(state, "mean"), State.number(state, "std"),
                indicator);
    }
}
