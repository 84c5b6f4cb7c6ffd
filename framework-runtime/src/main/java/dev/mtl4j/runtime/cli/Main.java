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
        dev.mtl4j.runtime.BlasKernel.apply(); // before any command loads ND4J
        CommandLine commandLine = MtlCommand.commandLine();
        try {
            return commandLine.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to its handler; an Error passes through it to here. Running
            // out of memory (even wrapped, as in a class initialiser) is a user's problem; any other Error is not.
            if (dev.mtl4j.runtime.memory.OutOfMemory.in(e).isEmpty()) {
                throw e;
            }
            return ErrorReport.of(executed(commandLine)).report(e);
        }
    }

    /** The (sub)command that was running: the last one parsed. */
    private static CommandLine executed(CommandLine commandLine) {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        if (parsed == null) {
            return commandLine;
        }
        java.util.List<CommandLine> chain = parsed.asCommandLineList();
        return chain.isEmpty() ? commandLine : chain.get(chain.size() - 1);
    }
}
