package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.suggest.FuzzyMatcher;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.ParamBinder;
import dev.mtl4j.runtime.plugin.ParamDoc;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mtl describe TYPE}: a component's parameters with types, defaults and docs. */
@Command(name = "describe", description = "Show a component type's parameters: type, default, documentation.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    MtlCommand parent;

    @Parameters(paramLabel = "TYPE", description = "A component type name, as used in YAML (e.g. mlp).")
    String type;

    @Override
    public Integer call() {
        PluginRegistry registry = parent.runtime().registry();
        List<PluginRegistry.Entry> entries = registry.lookup(type);
        if (entries.isEmpty()) {
            TreeSet<String> all = new TreeSet<>();
            for (Family<?> family : Family.all()) {
                all.addAll(registry.names(family));
            }
            String hint = FuzzyMatcher.closest(type, all).map(n -> "; did you mean '" + n + "'?").orElse("");
            throw new MtlException(ErrorCategory.CONFIG_INVALID, "unknown component type '" + type + "'" + hint
                    + " (known: " + String.join(", ", all) + ")");
        }
        PrintStream out = System.out;
        for (PluginRegistry.Entry entry : entries) {
            out.println(type + " (" + entry.family().label() + ", from " + entry.plugin().origin() + ")");
            out.println("  " + entry.factory().description());
            var params = ParamBinder.describe(entry.factory().configType());
            if (params.isEmpty()) {
                out.println("  no parameters");
            }
            for (ParamDoc param : params) {
                out.printf("  %-14s %-18s default %-12s %s%s%n", param.name(), param.type(), param.defaultText(), param.doc(),
                        param.constraint().isEmpty() ? "" : " (" + param.constraint() + ")");
            }
        }
        out.flush();
        return 0;
    }
}
