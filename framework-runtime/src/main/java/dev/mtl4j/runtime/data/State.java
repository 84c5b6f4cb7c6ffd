package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.util.List;
import java.util.Map;

/** Typed reads from saved preprocessing state (plain maps, lists, strings and numbers). */
final class State {

    private State() {
    }

    static String string(Map<?, ?> state, String key) {
        Object value = state.get(key);
        if (!(value instanceof String text)) {
            throw invalid(key, "a string", value);
        }
        return text;
    }

    static double number(Map<?, ?> state, String key) {
        Object value = state.get(key);
        if (!(value instanceof Number number)) {
            throw invalid(key, "a number", value);
        }
        return number.doubleValue();
    }

    static boolean flag(Map<?, ?> state, String key) {
        Object value = state.get(key);
        if (!(value instanceof Boolean flag)) {
            throw invalid(key, "true or false", value);
        }
        return flag;
    }

    static List<String> strings(Map<?, ?> state, String key) {
        return list(state, key).stream().map(v -> {
            if (!(v instanceof String text)) {
                throw invalid(key, "a list of strings", v);
            }
            return text;
        }).toList();
    }

    static double[] numbers(Map<?, ?> state, String key) {
        List<?> list = list(state, key);
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(list.get(i) instanceof Number number)) {
                throw invalid(key, "a list of numbers", list.get(i));
            }
            values[i] = number.doubleValue();
        }
        return values;
    }

    /** Row counts as YAML reads them back: an int where it fits, a long beyond. */
    static List<Object> wholeNumbers(List<Long> counts) {
        List<Object> values = new java.util.ArrayList<>(counts.size());
        for (long count : counts) {
            values.add(count <= Integer.MAX_VALUE ? (Object) (int) count : (Object) count);
        }
        return values;
    }

    /** A list of non-negative whole numbers (row counts). */
    static List<Long> counts(Map<?, ?> state, String key) {
        double[] values = numbers(state, key);
        List<Long> counts = new java.util.ArrayList<>(values.length);
        for (double value : values) {
            if (value < 0 || value != Math.rint(value)) {
                throw invalid(key, "a list of row counts", value);
            }
            counts.add((long) value);
        }
        return counts;
    }

    static List<Map<?, ?>> maps(Map<?, ?> state, String key) {
        List<Map<?, ?>> maps = new java.util.ArrayList<>();
        for (Object value : list(state, key)) {
            if (!(value instanceof Map<?, ?> map)) {
                throw invalid(key, "a list of maps", value);
            }
            maps.add(map);
        }
        return maps;
    }

    static List<?> list(Map<?, ?> state, String key) {
        Object value = state.get(key);
        if (!(value instanceof List<?> list)) {
            throw invalid(key, "a list", value);
        }
        return list;
    }

    static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    static MtlException invalid(String key, String expected, Object found) {
        return new MtlException(ErrorCategory.MODEL_INVALID,
                "preprocessing state: '" + key + "' must be " + expected + ", found " + found);
    }
}
