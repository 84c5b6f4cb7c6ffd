package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.Shuffle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Divides a table's rows as a {@link SplitSpec} says. A random split shuffles the row indexes with
 * {@code java.util.Random(seed)} (Fisher–Yates, as {@code Collections.shuffle}), takes the test rows
 * first and the validation rows from what remains; the same seed always gives the same split. A
 * stratified split orders the rows so that every stratum is spread evenly ({@link Strata}) and cuts
 * the same way.
 */
public final class Splitter {

    private Splitter() {
    }

    public static Splits split(SplitSpec spec, RawTable table) {
        return split(spec, table, "data");
    }

    /** As {@link #split(SplitSpec, RawTable)}; {@code dataKey} ({@code data}, {@code tasks.T.data}) names the section in problems. */
    public static Splits split(SplitSpec spec, RawTable table, String dataKey) {
        if (spec.column() != null) {
            return byColumn(spec, table, dataKey);
        }
        return spec.stratify().isEmpty() ? random(spec, table.size())
                : parts(spec, Strata.order(table, spec.stratify(), new Random(spec.seed()), dataKey), table.size());
    }

    /**
     * Keeps at most {@code limit} training rows (0 keeps all): a sample drawn with the training seed,
     * so that runs with different seeds see different few-label samples while the validation and test
     * rows stay the same.
     */
    public static Splits limitTraining(Splits splits, int limit, long trainingSeed) {
        if (limit == 0 || splits.train().length <= limit) {
            return splits;
        }
        int[] order = splits.train().clone();
        Shuffle.shuffle(order, new Random(trainingSeed));
        return new Splits(sorted(order, 0, limit), splits.validation(), splits.test());
    }

    /** Every row index of the table, in order. */
    public static int[] all(RawTable table) {
        return IntStream.range(0, table.size()).toArray();
    }

    /**
     * The random split of {@code rows} rows (a spec without a split column): what {@link #split} gives
     * a table of that many rows, for an engine that holds no table of them (a distributed one).
     */
    public static Splits random(SplitSpec spec, int rows) {
        Random random = new Random(spec.seed());
        int[] order = IntStream.range(0, rows).toArray();
        Shuffle.shuffle(order, random);
        return parts(spec, order, rows);
    }

    /** Test rows first in {@code order}, then validation rows, then training rows. */
    private static Splits parts(SplitSpec spec, int[] order, int rows) {
        int tests = (int) Math.round(rows * spec.test());
        int validations = (int) Math.round((rows - tests) * spec.validation());
        return new Splits(sorted(order, tests + validations, rows), sorted(order, tests, tests + validations),
                sorted(order, 0, tests));
    }

    private static Splits byColumn(SplitSpec spec, RawTable table, String dataKey) {
        int column = table.columnIndex(spec.column());
        if (column < 0) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed(dataKey + ".split.column", table.origin()
                    + " has no split column '" + spec.column() + "' (columns: " + ColumnNames.list(table.columns()) + ")"
                    + ColumnNames.didYouMean(spec.column(), table.columns())));
        }
        int[] part = new int[table.size()];
        int[] counts = new int[3];
        for (int row = 0; row < table.size(); row++) {
            part[row] = part(table, row, column);
            counts[part[row]]++;
        }
        int[] train = collect(part, 0, counts[0]);
        int[] validation = collect(part, 1, counts[1]);
        int[] test = collect(part, 2, counts[2]);
        if (validation.length == 0 && spec.validation() > 0) {
            int[] order = train.clone();
            Shuffle.shuffle(order, new Random(spec.seed()));
            int validations = (int) Math.round(order.length * spec.validation());
            validation = sorted(order, 0, validations);
            train = sorted(order, validations, order.length);
        }
        return new Splits(train, validation, test);
    }

    private static int part(RawTable table, int row, int column) {
        String cell = table.cell(row, column);
        if (cell != null) {
            switch (cell.trim().toLowerCase(Locale.ROOT)) {
                case "train":
                    return 0;
                case "validation":
                    return 1;
                case "test":
                    return 2;
                default:
                    break;
            }
        }
        throw new MtlException(ErrorCategory.DATA_INVALID, Problem.at(table.locate(row, column),
                "a split cell must say train, validation or test, found " + (cell == null ? "a missing value" : "'" + cell + "'")));
    }

    private static int[] collect(int[] part, int which, int count) {
        int[] rows = new int[count];
        int at = 0;
        for (int row = 0; row < part.length; row++) {
            if (part[row] == which) {
                rows[at++] = row;
            }
        }
        return rows;
    }

    private static int[] sorted(int[] values, int from, int to) {
        int[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        return part;
    }
}
