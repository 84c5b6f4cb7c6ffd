package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawColumn;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.Shuffle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The row order of a stratified split. Rows are shuffled, each row's stratum is the joint value of
 * the stratify columns (a missing cell is a value of its own), and the rows are sorted, stably, by
 * {@code (k + 0.5) / n}, where k is the row's place among its stratum's rows in the shuffled order
 * and n the stratum's size: every stratum is then spread evenly along the order, so any prefix (the
 * test rows, then the validation rows) holds each stratum in proportion, within one row.
 */
final class Strata {
    private Strata() {
    }

    static int[] order(RawTable table, List<String> columns, Random random, String dataKey) {
        RawColumn[] strata = new RawColumn[columns.size()];
        for (int c = 0; c < strata.length; c++) {
            int index = table.columnIndex(columns.get(c));
            if (index < 0) {
                throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed(dataKey + ".split.stratify", table.origin()
                        + " has no column '" + columns.get(c) + "' to stratify by (columns: " + ColumnNames.list(table.columns())
                        + ")" + ColumnNames.didYouMean(columns.get(c), table.columns())));
            }
            strata[c] = table.column(index);
        }
        int rows = table.size();
        int[] order = IntStream.range(0, rows).toArray();
        Shuffle.shuffle(order, random);
        Map<List<Integer>, int[]> seen = new HashMap<>(); // stratum -> {rows so far, size}
        int[][] stratumOf = new int[rows][];
        for (int row : order) {
            int[] counter = seen.computeIfAbsent(key(strata, row), k -> new int[2]);
            counter[1]++;
            stratumOf[row] = counter;
        }
        double[] position = new double[rows];
        for (int row : order) {
            int[] counter = stratumOf[row];
            position[row] = (counter[0]++ + 0.5) / counter[1];
        }
        Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble(row -> position[row])); // stable: ties keep the shuffle
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> key(RawColumn[] strata, int row) {
        Integer[] codes = new Integer[strata.length];
        for (int c = 0; c < strata.length; c++) {
            codes[c] = strata[c].code(row); // RawColumn.MISSING for an empty cell: a stratum of its own
        }
        return List.of(codes);
    }
}
