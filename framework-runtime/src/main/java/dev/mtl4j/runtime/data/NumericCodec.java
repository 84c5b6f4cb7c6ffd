package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.NumericTransform;
import dev.mtl4j.api.spi.RawColumn;
import dev.mtl4j.api.spi.RawTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * A number mapped by its column's {@link NumericScale} (standardised by default; log, quantile or
 * robust when the feature asks), fitted on the training cells; a missing cell becomes 0 (the mean,
 * median or middle quantile). When training cells were missing, a second input says which cells
 * are (1 = missing): the network can then tell "missing" from "average", which imputing alone hides.
 */
final class NumericCodec implements ColumnCodec {
    static final String MISSING_SUFFIX = "=missing";
    /** The log transform before its standardisation: log(1 + x), refusing numbers below 0. */
    private static final NumericScale LOG1P = new NumericScale.Log(0, 1);
    private static final NumericScale IDENTITY = new NumericScale.Standard(0, 1);

    private final String column;
    private final NumericScale scale;
    private final boolean indicator;

    NumericCodec(String column, NumericScale scale, boolean indicator) {
        this.column = column;
        this.scale = scale;
        this.indicator = indicator;
    }

    /** Standardised, fitted on the non-missing cells of {@code column} among each chunk's rows. */
    static NumericCodec fit(List<Rows> chunks, String column) {
        return fit(chunks, column, NumericTransform.STANDARD);
    }

    /**
     * Fits {@code transform} on the non-missing cells of {@code column} among each chunk's rows; an
     * indicator when some are missing.
     *
     * @throws MtlException DATA_INVALID naming the first cell that is not a number, or that the
     *     transform cannot take (a negative number for log)
     */
    static NumericCodec fit(List<Rows> chunks, String column, NumericTransform transform) {
        long rows = chunks.stream().mapToLong(chunk -> chunk.rows().length).sum();
        long count;
        NumericScale scale;
        switch (transform) {
            case STANDARD, LOG -> {
                Moments.Result moments = moments(chunks, column, transform == NumericTransform.LOG ? LOG1P : IDENTITY);
                count = moments.count();
                scale = transform == NumericTransform.LOG ? new NumericScale.Log(moments.mean(), moments.std())
                        : new NumericScale.Standard(moments.mean(), moments.std());
            }
            case QUANTILE, ROBUST -> {
                SortedCounts cells = sortedCounts(chunks, column);
                count = cells.size();
                scale = transform == NumericTransform.QUANTILE ? QuantileNormal.fit(cells) : robust(cells);
            }
            default -> throw new IllegalStateException("no fit for " + transform);
        }
        return new NumericCodec(column, scale, count < rows);
    }

    private static NumericScale robust(SortedCounts cells) {
        if (cells.size() == 0) {
            return new NumericScale.Robust(0, 1);
        }
        double iqr = cells.quantile(0.75) - cells.quantile(0.25);
        return new NumericScale.Robust(cells.quantile(0.5), iqr > 0 && Double.isFinite(iqr) ? iqr : 1);
    }

    /** The training cells' distinct numbers with their counts, merged over the chunks. */
    static SortedCounts sortedCounts(List<Rows> chunks, String column) {
        java.util.TreeMap<Double, long[]> counts = new java.util.TreeMap<>();
        for (Rows chunk : chunks) {
            int index = chunk.index(column);
            RawColumn cells = chunk.table().column(index);
            double[] numbers = CodeValues.numbers(cells);
            long[] byCode = new long[numbers.length];
            for (int row : chunk.rows()) {
                int code = cells.code(row);
                if (code != RawColumn.MISSING) {
                    if (Double.isNaN(numbers[code])) {
                        throw notANumber(cells.value(code), chunk.table(), row, index);
                    }
                    byCode[code]++;
                }
            }
            for (int code = 0; code < numbers.length; code++) {
                if (byCode[code] > 0) {
                    counts.computeIfAbsent(numbers[code], v -> new long[1])[0] += byCode[code];
                }
            }
        }
        double[] values = new double[counts.size()];
        long[] each = new long[counts.size()];
        int i = 0;
        for (Map.Entry<Double, long[]> entry : counts.entrySet()) {
            values[i] = entry.getKey();
            each[i++] = entry.getValue()[0];
        }
        return new SortedCounts(values, each);
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
        return moments(chunks, column, IDENTITY);
    }

    /** As {@link #moments(List, String)}, of each number mapped by {@code pre} (which may refuse a number). */
    private static Moments.Result moments(List<Rows> chunks, String column, NumericScale pre) {
        double[][] numbers = new double[chunks.size()][];
        Moments.Sums sums = new Moments.Sums();
        for (int k = 0; k < chunks.size(); k++) {
            numbers[k] = CodeValues.numbers(chunks.get(k).table().column(chunks.get(k).index(column)));
            forEach(chunks.get(k), column, numbers[k], pre, sums::add);
        }
        Moments.Squares squares = new Moments.Squares(sums.mean());
        for (int k = 0; k < chunks.size(); k++) {
            forEach(chunks.get(k), column, numbers[k], pre, squares::add);
        }
        return new Moments.Result(sums.mean(), squares.std(sums.count()), sums.count());
    }

    private static void forEach(Rows chunk, String column, double[] numbers, NumericScale pre, DoubleConsumer sink) {
        int index = chunk.index(column);
        RawColumn cells = chunk.table().column(index);
        for (int row : chunk.rows()) {
            int code = cells.code(row);
            if (code != RawColumn.MISSING) {
                double value = numbers[code];
                if (Double.isNaN(value)) {
                    throw notANumber(cells.value(code), chunk.table(), row, index);
                }
                double mapped = pre.apply(value);
                if (Double.isNaN(mapped)) {
                    throw refused(pre, value, chunk.table(), row, index);
                }
                sink.accept(mapped);
            }
        }
    }

    private static MtlException refused(NumericScale scale, double value, RawTable table, int row, int index) {
        return new MtlException(ErrorCategory.DATA_INVALID, Problem.at(table.locate(row, index), scale.refusal(value)));
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
            double value = parse(cell, table, row, index);
            double mapped = scale.apply(value);
            if (Double.isNaN(mapped)) {
                throw refused(scale, value, table, row, index);
            }
            out[offset] = (float) mapped;
        } else if (indicator) {
            out[offset + 1] = 1f;
        }
    }

    @Override
    public PreparedColumn prepare(RawTable table, int index) {
        double[] numbers = CodeValues.numbers(table.column(index));
        float[] values = new float[numbers.length];
        for (int code = 0; code < values.length; code++) {
            // NaN (not a number, or refused by the transform) is reported if that row is encoded
            values[code] = (float) scale.apply(numbers[code]);
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
        scale.writeState(state);
        if (indicator) {
            state.put("indicator", true);
        }
        return state;
    }

    static NumericCodec fromState(Map<?, ?> state) {
        // models saved before indicators existed have none
        boolean indicator = state.containsKey("indicator") && State.flag(state, "indicator");
        return new NumericCodec(State.string(state, "column"), NumericScale.fromState(state), indicator);
    }
}
