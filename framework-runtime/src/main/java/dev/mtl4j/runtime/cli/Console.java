package dev.mtl4j.runtime.cli;

import java.io.PrintStream;

/**
 * Where the command line writes: results (tables, verdicts) to standard output, so that they can be
 * piped; progress and logs to standard error — a line redrawn in place on a terminal, plain lines
 * when it goes to a file or a CI log.
 *
 * @param out progress and logs (standard error)
 * @param terminal whether {@code out} is an interactive terminal
 * @param results where results go (standard output)
 */
record Console(PrintStream out, boolean terminal, PrintStream results) {
    /** Set by the {@code mtl} script when standard error is a terminal (Java 17 cannot tell on its own). */
    static final String TERMINAL_HINT = "MTL_STDERR_IS_TERMINAL";

    static Console system() {
        boolean terminal = System.console() != null || "1".equals(System.getenv(TERMINAL_HINT));
        return new Console(System.err, terminal, System.out);
    }

    /** A log line on standard error. */
    void line(String text) {
        clearStatus();
        out.println(text);
        out.flush();
    }

    /** A result on standard output. */
    void result(String text) {
        clearStatus();
        out.flush();
        results.println(text);
        results.flush();
    }

    /** Redraws the current line; only on a terminal. */
    void status(String text) {
        if (terminal) {
            out.print("\r\033[K" + text);
            out.flush();
        }
    }

    private void clearStatus() {
        if (terminal) {
            out.print("\r\033[K");
        }
    }
}
