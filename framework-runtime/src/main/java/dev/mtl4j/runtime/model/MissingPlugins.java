package dev.mtl4j.runtime.model;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a model's pipeline names a component type nothing loaded provides: the plugins the model was
 * trained with (its provenance says their class, jar and version) that are not loaded now. A plugin
 * that is missing but whose components the model does not use changes nothing.
 */
final class MissingPlugins {

    private MissingPlugins() {
    }

    /**
     * The error to report instead of {@code unreadable} (an unknown component type, say) when plugins
     * the model was trained with are missing; {@code unreadable} itself when none is.
     *
     * @param loaded the class names of the plugins loaded now
     */
    static MtlException explain(Path file, Provenance provenance, Set<String> loaded, MtlException unreadable) {
        List<Map<String, String>> missing = provenance.plugins().stream()
                .filter(p -> !loaded.contains(p.get("plugin"))).toList();
        boolean unknownType = unreadable.problems().stream()
                .anyMatch(p -> p.keyIfAny().map(key -> key.equals("type") || key.endsWith(".type")).orElse(false));
        if (missing.isEmpty() || !unknownType) {
            return unreadable;
        }
        String names = String.join("; ", missing.stream().map(p -> p.get("plugin") + " from " + p.get("jar")
                + " (version " + p.get("version") + ")").toList());
        return new MtlException(ErrorCategory.PLUGIN_LOAD_FAILED, file + ": the model was trained with "
                + (missing.size() == 1 ? "a plugin that is" : "plugins that are") + " not loaded: " + names
                + "; put the jar on the class path (mtl: --plugin-path JAR); without it: "
                + unreadable.lines().get(0), unreadable);
    }
}
