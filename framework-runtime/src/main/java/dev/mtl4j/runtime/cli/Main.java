package dev.mtl4j.runtime.cli;

import picocli.CommandLine;

/** The {@code mtl} command's entry point: the only place mtl4j calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine commandLine = MtlCommand.commandLine();
        return commandLine.execute(args);
    }
}
