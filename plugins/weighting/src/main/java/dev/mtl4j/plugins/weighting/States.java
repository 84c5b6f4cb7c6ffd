package dev.mtl4j.plugins.weighting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Method state as plain lists of numbers, and back. */
final class States {
    private States() {
    }

    static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    static List<Long> longList(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long value : values) {
            list.add(value);
        }
        return list;
    }

    /** Copies a saved list of numbers into {@code target}. */
    static void fill(double[] target, Object saved, String key) {
        List<?> values = listOf(saved, target.length, key);
        for (int i = 0; i < target.length; i++) {
            target[i] = ((Number) values.get(i)).doubleValue();
        }
    }

    static double[] doubles(Object saved, int size, String key) {
        double[] values = new double[size];
        fill(values, saved, key);
        return values;
    }

    static List<?> listOf(Object saved, int size, String key) {
        if (!(saved instanceof List<?> list) || list.size() != size || !list.stream().allMatch(Number.class::isInstance)) {
            throw new IllegalArgumentException("state '" + key + "' should be a list of " + size + " numbers, got " + saved);
        }
        return list;
    }

    static Map<?, ?> map(Map<String, Object> state, String key) {
        if (!(state.get(key) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("state '" + key + "' should be a map, got " + state.get(key));
        }
        return map;
    }

    static long number(Map<?, ?> state, String key) {
        if (!(state.get(key) instanceof Number number)) {
            throw new IllegalArgumentException("state '" + key + "' should be a number, got " + state.get(key));
        }
        return number.longValue();
    }
}
