package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code mtl plugins}: every component by family, with the jar it came from. */
@Command(name = "plugins", description = "List every component type by family, with its jar.")
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    MtlCommand parent;

    @Override
    public Integer call() {
        PluginRegistry registry = parent.runtime().registry();
        PrintStream out = System.out;
        for (Family<?> family : Family.all()) {
            out.println(family.plural() + ":");
            registry.entries(family).forEach((name, entry) -> out.printf("  %-20s %-44s %s%n", name,
                    entry.plugin().origin(), entry.factory().description()));
        }
        out.flush();
        return 0;
    }
}
