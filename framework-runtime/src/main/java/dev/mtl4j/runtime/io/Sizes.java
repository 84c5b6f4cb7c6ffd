package dev.mtl4j.runtime.io;

import java.util.Locale;

/** Byte counts as people read them. */
public final class Sizes {
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long GIB = 1024 * MIB;

    private Sizes() {
    }

    /** {@code 16 MiB}, {@code 1.5 GiB}, {@code 312 bytes}. */
    public static String text(long bytes) {
        if (bytes >= GIB) {
            return format(bytes / (double) GIB, "GiB");
        }
        if (bytes >= MIB) {
            return format(bytes / (double) MIB, "MiB");
        }
        if (bytes >= KIB) {
            return format(bytes / (double) KIB, "KiB");
        }
        return bytes + " bytes";
    }

    private static String format(double value, String unit) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value)) + " " + unit;
    }
}
