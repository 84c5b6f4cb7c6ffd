package dev.mtl4j.plugins.datasets;

import java.util.Locale;

/**
 * Strict UTF-8 checking of a cell's bytes (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF), and NUL bytes, which a text file does not have. Java's decoders would replace a bad
 * byte with U+FFFD without a word, and a category would silently gain a new value.
 */
final class Utf8 {
    private Utf8() {
    }

    /** The offset (from {@code from}) of the first byte that is NUL or not valid UTF-8, or -1. */
    static int firstInvalid(byte[] bytes, int from, int length) {
        int end = from + length;
        int i = from;
        while (i < end) {
            int b = bytes[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                return i - from;
            }
            int lead = b & 0xFF;
            int more;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                more = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                more = 2;
                low = lead == 0xE0 ? 0xA0 : 0x80;
                high = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                more = 3;
                low = lead == 0xF0 ? 0x90 : 0x80;
                high = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i - from;
            }
            if (i + more >= end) {
                return i - from;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i - from;
            }
            for (int k = 2; k <= more; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i - from;
                }
            }
            i += more + 1;
        }
        return -1;
    }

    /**
     * What is wrong at {@code offset}: "a NUL byte (0x00) at byte 3 of the cell: the file looks
     * binary, not CSV text" or "bytes that are not UTF-8 (0xE9 0x74) at byte 3 of the cell".
     */
    static String describe(byte[] bytes, int from, int length, int offset) {
        int at = from + offset;
        if (bytes[at] == 0) {
            return "a NUL byte (0x00) at byte " + (offset + 1) + " of the cell: the file looks binary, not CSV text";
        }
        StringBuilder shown = new StringBuilder();
        for (int i = at; i < Math.min(from + length, at + 4); i++) {
            shown.append(shown.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[i] & 0xFF));
        }
        return "bytes that are not UTF-8 (" + shown + ") at byte " + (offset + 1)
                + " of the cell; save the file as UTF-8";
    }
}
