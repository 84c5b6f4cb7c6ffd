package dev.mtl4j.runtime.cli;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far one long step has come (training, embedding, baselines), with totals and the time left.
 * On a terminal: a bar redrawn in place, at most every {@link #REDRAW_NANOS}. Elsewhere (a file, a
 * CI log): a plain line when the step has run {@link #PLAIN_PERIOD_NANOS} since the last line, so a
 * long step is never silent and a short one adds nothing.
 */
final class Progress {
    static final long PLAIN_PERIOD_NANOS = 10_000_000_000L;
    static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 24;
    private static final int MAX_WIDTH = 110;

    private final Console console;
    private final LongSupplier clock;
    private final long started;
    private long lastShown;

    Progress(Console console) {
        this(console, System::nanoTime);
    }

    Progress(Console console, LongSupplier clock) {
        this.console = console;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastShown = started;
    }

    /**
     * @param label what is being done, e.g. "training" or "minilm: embedding 4000 new texts"
     * @param done units finished (over the whole step, for the time left)
     * @param total units in all
     * @param detail shown after the counts, e.g. "epoch 3/20 loss 0.4321"; may be empty
     */
    void update(String label, long done, long total, String detail) {
        long now = clock.getAsLong();
        if (console.terminal()) {
            if (now - lastShown >= REDRAW_NANOS || done >= total) {
                lastShown = now;
                console.status(fit(bar(label, done, total) + suffix(detail, done, total, now)));
            }
        } else if (now - lastShown >= PLAIN_PERIOD_NANOS && done < total) {
            lastShown = now;
            console.line(fit(String.format(Locale.ROOT, "%s: %d/%d (%d%%)", label, done, total, percent(done, total))
                    + suffix(detail, done, total, now)));
        }
    }

    /** Seconds since this step started. */
    double elapsedSeconds() {
        return (clock.getAsLong() - started) / 1e9;
    }

    private String suffix(String detail, long done, long total, long now) {
        double elapsed = (now - started) / 1e9;
        String time = done <= 0 || done >= total ? "elapsed " + clock(elapsed)
                : "elapsed " + clock(elapsed) + ", ETA " + clock(elapsed / done * (total - done));
        return (detail.isEmpty() ? "" : "  " + detail) + "  " + time;
    }

    private static String bar(String label, long done, long total) {
        int filled = total <= 0 ? 0 : (int) Math.min(BAR, BAR * done / total);
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d", label, "=".repeat(filled), " ".repeat(BAR - filled), done, total);
    }

    private static long percent(long done, long total) {
        return total <= 0 ? 0 : 100 * done / total;
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** One line never wraps: a long label is cut in its middle. */
    private static String fit(String text) {
        if (text.length() <= MAX_WIDTH) {
            return text;
        }
        int keep = (MAX_WIDTH - 3) / 2;
        return text.substring(0, keep) + "..." + text.substring(text.length() - keep);
    }
}
