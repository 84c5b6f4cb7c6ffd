package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.config.Section;
import dev.mtl4j.runtime.config.Sections;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.ParamBinder;
import dev.mtl4j.runtime.plugin.ParamDoc;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import dev.mtl4j.runtime.suggest.FuzzyMatcher;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mtl describe NAME}: a component type's parameters, or a pipeline section's keys, with types, defaults and docs. */
@Command(name = "describe", description = "Show a component type's parameters, or a pipeline section's keys "
        + "(pipeline, data, split, features, tasks, training, optimizer, earlyStopping, transfer ...): type, default, documentation.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    MtlCommand parent;

    @Parameters(paramLabel = "NAME", description = "A component type as used in YAML (e.g. mlp), or a pipeline section (e.g. training).")
    String type;

    @Override
    public Integer call() {
        PluginRegistry registry = parent.runtime().registry();
        List<PluginRegistry.Entry> entries = registry.lookup(type);
        Optional<Section> section = Sections.find(type);
        if (entries.isEmpty() && section.isEmpty()) {
            TreeSet<String> all = new TreeSet<>();
            for (Family<?> family : Family.all()) {
                all.addAll(registry.names(family));
            }
            List<String> sections = new ArrayList<>();
            Sections.all().forEach(s -> {
                sections.add(s.name());
                sections.addAll(s.aliases());
            });
            List<String> candidates = new ArrayList<>(all);
            candidates.addAll(sections);
            String hint = FuzzyMatcher.closest(type, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
            throw new MtlException(ErrorCategory.CONFIG_INVALID, "unknown component type or pipeline section '" + type + "'" + hint
                    + " (component types: " + String.join(", ", all) + "; sections: " + String.join(", ", sections) + ")");
        }
        PrintStream out = System.out;
        section.ifPresent(s -> print(s, out));
        for (PluginRegistry.Entry entry : entries) {
            out.println(type + " (" + entry.family().label() + ", from " + entry.plugin().origin() + ")");
            out.println("  " + entry.factory().description());
            var params = ParamBinder.describe(entry.factory().configType());
            if (params.isEmpty()) {
                out.println("  no parameters");
            }
            List<List<String>> rows = new ArrayList<>();
            for (ParamDoc param : params) {
                rows.add(List.of("  " + param.name(), param.type(), defaultColumn(param.defaultText()), param.doc()
                        + (param.constraint().isEmpty() ? "" : " (" + param.constraint() + ")")));
            }
            if (!rows.isEmpty()) {
                out.println(TextTable.render(rows, 4));
            }
        }
        out.flush();
        return 0;
    }

    private static String defaultColumn(String text) {
        return text.startsWith("required") ? text : "default " + text;
    }

    private static void print(Section section, PrintStream out) {
        out.println(section.name() + " (pipeline section, at " + section.path() + ")");
        out.println("  " + section.summary());
        List<List<String>> rows = new ArrayList<>();
        for (Section.Key key : section.keys()) {
            rows.add(List.of("  " + key.name(), key.type(), defaultColumn(key.defaultText()), key.doc()));
        }
        out.println(TextTable.render(rows, 4));
    }
}
