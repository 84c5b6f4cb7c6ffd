package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawColumn;
import dev.mtl4j.api.spi.RawTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes of a classified label column (CATEGORICAL, BINARY) in output order, as the head asks
 * (its positive value) or in natural order, checked against the training rows, and how many training
 * rows each class has.
 */
final class LabelClasses {
    private static final int SHOWN = 10;

    private LabelClasses() {
    }

    /** BINARY with a chosen positive value: [the other value, positive]. */
    static List<String> positiveLast(String task, String positive, List<String> values, RawTable table, int index) {
        String column = table.columns().get(index);
        if (!values.contains(positive)) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("tasks." + task + ".head.positive",
                    "'" + positive + "' is not a value of column '" + column + "' in the training rows of " + table.origin()
                            + " (values: " + shown(values) + ")"));
        }
        if (values.size() > 2) {
            throw tooMany(task, values, table, index);
        }
        List<String> ordered = new ArrayList<>(values);
        ordered.remove(positive);
        if (ordered.isEmpty()) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.at(Location.file(table.origin()), "column '" + column
                    + "' (task '" + task + "'): a binary task needs two values in the training rows, found only '" + positive + "'"));
        }
        ordered.add(positive);
        return ordered;
    }

    /**
     * ORDINAL: the head's classes in its order, every training value among them; without an order,
     * the values in numeric order, every one a number.
     */
    static List<String> ordered(String task, List<String> order, java.util.Set<String> values, RawTable table, int index) {
        String column = table.columns().get(index);
        if (order.isEmpty()) {
            List<String> natural = Numbers.naturalOrder(values);
            String word = natural.stream().filter(v -> Double.isNaN(Numbers.parse(v))).findFirst().orElse(null);
            if (word != null) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("tasks." + task + ".head.classes",
                        "is needed: column '" + column + "' holds '" + word + "', which is not a number, so the classes' order "
                                + "is not known; list them lowest first (values: " + shown(natural) + ")"));
            }
            return natural;
        }
        List<String> unlisted = Numbers.naturalOrder(values).stream().filter(v -> !order.contains(v)).toList();
        if (!unlisted.isEmpty()) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("tasks." + task + ".head.classes",
                    "does not list " + shown(unlisted) + ", found in column '" + column + "' of the training rows of "
                            + table.origin() + " (listed: " + shown(order) + ")"));
        }
        return order;
    }

    static MtlException tooMany(String task, List<String> values, RawTable table, int index) {
        return new MtlException(ErrorCategory.DATA_INVALID, Problem.at(Location.file(table.origin()), "column '"
                + table.columns().get(index) + "' (task '" + task + "'): a binary task needs two values in the training rows, found "
                + values.size() + ": " + shown(values)));
    }

    /** Training rows per slot ({@code slots} maps a code to its slot, or a negative number for none). */
    static List<Long> counts(RawColumn column, int[] slots, int[] rows, int width) {
        long[] counts = new long[width];
        for (int row : rows) {
            int code = column.code(row);
            if (code != RawColumn.MISSING && slots[code] >= 0) {
                counts[slots[code]]++;
            }
        }
        List<Long> boxed = new ArrayList<>(width);
        for (long count : counts) {
            boxed.add(count);
        }
        return boxed;
    }

    static String shown(List<String> values) {
        String text = String.join(", ", values.subList(0, Math.min(SHOWN, values.size())));
        return values.size() <= SHOWN ? text : text + ", ... " + values.size() + " in all";
    }
}
