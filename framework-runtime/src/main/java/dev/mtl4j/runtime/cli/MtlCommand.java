package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtl}: train, eval, predict, plugins, describe. */
@Command(name = "mtl", mixinStandardHelpOptions = true, versionProvider = MtlCommand.Version.class,
        // --help and --version on every subcommand too (picocli copies inherited attributes down)
        scope = CommandLine.ScopeType.INHERIT,
        description = "Multi-task and transfer learning on the JVM.",
        subcommands = {TrainCommand.class, TransferCommand.class, EvalCommand.class, PredictCommand.class, GatesCommand.class,
                ReportCommand.class, AffinityCommand.class, PluginsCommand.class, SchemaCommand.class, ServeCommand.class,
                DescribeCommand.class, TuneCommand.class, CommandLine.HelpCommand.class})
public final class MtlCommand {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = "--plugin-path", scope = CommandLine.ScopeType.INHERIT, split = ":", paramLabel = "JAR|DIR",
            description = "Extra plugin jars, or folders of jars, to load (separated by ':').")
    List<Path> pluginPath = new ArrayList<>();

    private MtlRuntime runtime;

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MtlCommand());
        commandLine.setExecutionExceptionHandler(MtlCommand::handle);
        commandLine.setParameterExceptionHandler((ex, args) -> ErrorReport.of(ex.getCommandLine()).usage(ex));
        return commandLine;
    }

    /** The plugins loaded so far, or null when no command has needed them yet. */
    PluginRegistry loadedPlugins() {
        return runtime == null ? null : runtime.registry();
    }

    /** The runtime over the built-in plugins plus those on {@code --plugin-path}, made once. */
    MtlRuntime runtime() {
        if (runtime == null) {
            ClassLoader loader = PluginPath.loader(pluginPath, MtlCommand.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            runtime = MtlRuntime.create(loader);
        }
        return runtime;
    }

    private static int handle(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return ErrorReport.of(commandLine).report(ex);
    }

    /** The runtime jar's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mtl4j " + dev.mtl4j.runtime.model.ProvenanceRecorder.version()};
        }
    }
}
