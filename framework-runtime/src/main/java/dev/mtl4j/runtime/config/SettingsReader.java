package dev.mtl4j.runtime.config;

import dev.mtl4j.runtime.plugin.Binding;
import dev.mtl4j.runtime.plugin.ParamBinder;
import dev.mtl4j.runtime.plugin.ParamDoc;
import dev.mtl4j.runtime.plugin.ParamProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a settings map of the pipeline ({@code checkpoint: { every: 5 }}) into its record through the
 * record's {@code @Param} annotations, as a component's parameters are read: one declaration gives
 * the types, defaults, ranges, {@code mtl describe} and the messages, each at its key's line.
 */
final class SettingsReader {
    private SettingsReader() {
    }

    static <R extends Record> Optional<R> read(YamlMap map, Class<R> type) {
        return read(map, type, Set.of());
    }

    /** As {@link #read(YamlMap, Class)}, for a map some of whose keys ({@code others}) are read elsewhere. */
    static <R extends Record> Optional<R> read(YamlMap map, Class<R> type, Set<String> others) {
        Map<String, Object> params = new LinkedHashMap<>();
        boolean complete = true;
        for (String key : map.keys()) {
            if (others.contains(key)) {
                continue;
            }
            Optional<Object> value = map.values().plain(map.value(key).orElseThrow(), map.path(key));
            value.ifPresent(v -> params.put(key, v));
            complete &= value.isPresent();
        }
        if (!complete) {
            return Optional.empty();
        }
        Binding<R> binding = ParamBinder.bind(type, params);
        Set<String> known = ParamBinder.describe(type).stream().map(ParamDoc::name).collect(Collectors.toSet());
        for (ParamProblem problem : binding.problems()) {
            // a bad value at the value, an unknown key at the key, a missing one at the map
            Optional<Node> at = known.contains(problem.key()) ? map.value(problem.key()) : map.keyNode(problem.key());
            map.values().problems().at(at.orElse(map.node()), map.path(problem.key()), problem.message());
        }
        return Optional.ofNullable(binding.config());
    }
}
