package dev.mtl4j.runtime.cli;

import java.io.PrintStream;

/**
 * Where the command line writes progress: a progress bar redrawn in place on a terminal, plain
 * lines when the output goes to a file or a CI log.
 *
 * @param out the stream written to
 * @param terminal whether it is an interactive terminal
 */
record Console(PrintStream out, boolean terminal) {

    static Console system() {
        return new Console(System.err, System.console() != null);
    }

    void line(String text) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println(text);
        out.flush();
    }

    /** Redraws the current line; only on a terminal. */
    void status(String text) {
        if (terminal) {
            out.print("\r\033[K" + text);
            out.flush();
        }
    }
}
