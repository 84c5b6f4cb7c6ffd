package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spi.RawColumn;
import java.util.Map;

/**
 * Work done once per distinct value of a column ({@link RawColumn#code}) instead of once per row:
 * parsing a number, finding a category's slot. A row then costs one array read.
 */
final class CodeValues {
    /** The slot of a value that has none (not a known category, not a declared level). */
    static final int UNKNOWN = -2;

    private CodeValues() {
    }

    /** Each code's value as a number; NaN where it is not a plain decimal number. */
    static double[] numbers(RawColumn column) {
        double[] numbers = new double[column.codeCount()];
        for (int code = 0; code < numbers.length; code++) {
            numbers[code] = Numbers.parse(column.value(code));
        }
        return numbers;
    }

    /** Each code's slot in {@code slots}, or {@link #UNKNOWN}. */
    static int[] slots(RawColumn column, Map<String, Integer> slots) {
        int[] found = new int[column.codeCount()];
        for (int code = 0; code < found.length; code++) {
            Integer slot = slots.get(column.value(code));
            found[code] = slot == null ? UNKNOWN : slot;
        }
        return found;
    }
}
