package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.runtime.config.PipelineLocator;
import dev.mtl4j.runtime.memory.OutOfMemory;
import dev.mtl4j.runtime.plugin.PluginBlame;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/**
 * How the command line shows what stopped it: a user's mistake as its problems, one line each, and
 * the exit code of its category; a usage mistake as one line and exit 64; running out of memory as a
 * RESOURCE_EXHAUSTED error; anything else as an internal error (exit 1), which a user's input should
 * never cause, naming the plugin when plugin code threw it. No stack trace unless {@code --debug}.
 */
final class ErrorReport {
    /** Usage mistakes (unknown option, missing argument): the BSD EX_USAGE code, apart from our categories. */
    static final int USAGE_ERROR = 64;
    static final int INTERNAL_ERROR = 1;

    private final CommandLine commandLine;
    private final boolean debug;
    /** The plugins loaded when it failed (null: none yet), to name the one whose code threw. */
    private final PluginRegistry plugins;

    private ErrorReport(CommandLine commandLine, boolean debug, PluginRegistry plugins) {
        this.commandLine = commandLine;
        this.debug = debug;
        this.plugins = plugins;
    }

    static ErrorReport of(CommandLine commandLine) {
        Object root = commandLine.getCommandSpec().root().userObject();
        return root instanceof MtlCommand m ? new ErrorReport(commandLine, m.debug, m.loadedPlugins())
                : new ErrorReport(commandLine, false, null);
    }

    /** Reports what a command threw and returns the exit code. */
    int report(Throwable thrown) {
        if (thrown instanceof MtlException mtl) {
            return print(mtl);
        }
        Optional<OutOfMemoryError> oom = OutOfMemory.in(thrown);
        if (oom.isPresent()) {
            return print(OutOfMemory.asError(oom.get(), input()));
        }
        PrintWriter err = commandLine.getErr();
        String culprit = plugins == null ? "" : PluginBlame.of(thrown, plugins).map(c -> " in " + c.describe()).orElse("");
        err.println("internal error" + culprit + ": " + Problem.of(String.valueOf(thrown)).message()
                + (debug ? "" : " (run with --debug for the stack trace)"));
        trace(thrown);
        return INTERNAL_ERROR;
    }

    /** A usage mistake: one line, with where to find the usage. */
    int usage(CommandLine.ParameterException ex) {
        CommandLine culprit = ex.getCommandLine();
        PrintWriter err = culprit.getErr();
        err.println("error: " + UsageHint.message(ex) + " (see '" + culprit.getCommandSpec().qualifiedName() + " --help')");
        trace(ex);
        return USAGE_ERROR;
    }

    /** The file the command that ran was given (its pipeline, model or data), for errors that have no place of their own. */
    private String input() {
        return commandLine.getCommandSpec().userObject() instanceof InputCommand command && command.input() != null
                ? command.input().toString() : null;
    }

    private int print(MtlException thrown) {
        MtlException problem = placed(thrown);
        commandLine.getErr().println("error: " + problem.getMessage());
        trace(problem);
        return problem.category().exitCode();
    }

    /**
     * A problem found after the pipeline was read (a data file not found) names its key: it is placed at
     * that key's line. Without a pipeline file (eval, predict), a key is the model's own and the problem
     * is the input file's.
     */
    private MtlException placed(MtlException thrown) {
        if (!(commandLine.getCommandSpec().userObject() instanceof InputCommand command)) {
            return thrown;
        }
        if (command.pipeline() != null) {
            return PipelineLocator.of(command.pipeline(), command.overrides()).place(thrown);
        }
        return command.input() == null ? thrown
                : thrown.locatedBy(key -> Optional.of(Location.file(command.input().toString())));
    }

    private void trace(Throwable thrown) {
        if (debug) {
            thrown.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
    }
}
