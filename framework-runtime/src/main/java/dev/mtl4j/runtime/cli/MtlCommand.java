package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.MtlRuntime;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtl}: train, eval, predict, plugins, describe. */
@Command(name = "mtl", mixinStandardHelpOptions = true, versionProvider = MtlCommand.Version.class,
        description = "Multi-task and transfer learning on the JVM.",
        subcommands = {TrainCommand.class, TransferCommand.class, EvalCommand.class, PredictCommand.class, GatesCommand.class,
                PluginsCommand.class,
                DescribeCommand.class, CommandLine.HelpCommand.class})
public final class MtlCommand {
    /** Usage mistakes (unknown option, missing argument): the BSD EX_USAGE code, apart from our categories. */
    static final int USAGE_ERROR = 64;
    static final int INTERNAL_ERROR = 1;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = "--plugin-path", scope = CommandLine.ScopeType.INHERIT, split = ":", paramLabel = "JAR|DIR",
            description = "Extra plugin jars, or folders of jars, to load (separated by ':').")
    List<Path> pluginPath = new ArrayList<>();

    private MtlRuntime runtime;

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MtlCommand());
        commandLine.setExecutionExceptionHandler(MtlCommand::handle);
        commandLine.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return USAGE_ERROR;
        });
        return commandLine;
    }

    /** The runtime over the built-in plugins plus those on {@code --plugin-path}, made once. */
    MtlRuntime runtime() {
        if (runtime == null) {
            ClassLoader loader = pluginLoader();
            Thread.currentThread().setContextClassLoader(loader);
            runtime = MtlRuntime.create(loader);
        }
        return runtime;
    }

    private ClassLoader pluginLoader() {
        ClassLoader parent = MtlCommand.class.getClassLoader();
        if (pluginPath.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : pluginPath) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> jars = Files.list(entry)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> urls.add(url(p)));
                } catch (java.io.IOException e) {
                    throw new MtlException(dev.mtl4j.api.ErrorCategory.PLUGIN_LOAD_FAILED, entry + ": cannot list plugin folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(entry)) {
                urls.add(url(entry));
            } else {
                throw new MtlException(dev.mtl4j.api.ErrorCategory.PLUGIN_LOAD_FAILED, entry + ": plugin jar or folder not found");
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static int handle(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        MtlCommand root = commandLine.getCommandSpec().root().userObject() instanceof MtlCommand m ? m : null;
        boolean debug = root != null && root.debug;
        PrintWriter err = commandLine.getErr();
        if (ex instanceof MtlException mtl) {
            err.println("error: " + mtl.getMessage());
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return mtl.category().exitCode();
        }
        err.println("internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /** The runtime jar's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mtl4j " + dev.mtl4j.runtime.model.ProvenanceRecorder.version()};
        }
    }
}
