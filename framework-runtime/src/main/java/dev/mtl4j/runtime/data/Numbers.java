package dev.mtl4j.runtime.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Parsing number cells and ordering category values (public for engines that fit encodings elsewhere: Spark). */
public final class Numbers {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Numbers() {
    }

    /**
     * The cell as a finite double, or NaN when it is not a plain decimal number (no NaN, Infinity,
     * hex or Java suffixes). Short decimals take an exact fast path: a mantissa below 2^53 divided by
     * an exact power of ten is correctly rounded, so the result equals {@link Double#parseDouble}.
     */
    public static double parse(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == end) {
            return Double.NaN;
        }
        int at = start;
        boolean negative = false;
        char first = text.charAt(at);
        if (first == '-' || first == '+') {
            negative = first == '-';
            at++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        for (; at < end; at++) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                break;
            }
        }
        if (at == end && digits > 0 && digits <= 15) {
            double value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
            return negative ? -value : value;
        }
        return slowParse(text, start, end);
    }

    private static double slowParse(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double value = Double.parseDouble(text.substring(start, end));
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The values sorted numerically when every one is a number, else lexicographically. */
    static List<String> naturalOrder(Collection<String> values) {
        List<String> sorted = new ArrayList<>(values);
        boolean numeric = sorted.stream().allMatch(v -> !Double.isNaN(parse(v)));
        sorted.sort(numeric
                ? Comparator.comparingDouble(Numbers::parse).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder());
        return sorted;
    }
}
