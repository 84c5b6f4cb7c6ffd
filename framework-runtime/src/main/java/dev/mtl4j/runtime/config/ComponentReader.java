package dev.mtl4j.runtime.config;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.runtime.plugin.Binding;
import dev.mtl4j.runtime.plugin.ComponentCatalog;
import dev.mtl4j.runtime.plugin.Family;
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
 * Reads one component ({@code { type: mlp, hidden: [64, 64] }}): the type must be one the loaded
 * plugins provide, and the other keys are checked against that type's config record now, so a typo
 * in a parameter is reported with its line instead of failing later when the model is built.
 */
final class ComponentReader {
    private final ComponentCatalog catalog;

    ComponentReader(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<ComponentSpec> read(Node node, String path, Family<?> family, YamlValues values) {
        Optional<YamlMap> found = YamlMap.of(node, path, values);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = found.get();
        Optional<String> type = map.required("type").flatMap(v -> values.text(v, map.path("type")));
        Map<String, Object> params = new LinkedHashMap<>();
        boolean complete = true;
        for (String key : map.keys()) {
            if (!key.equals("type")) {
                Optional<Object> value = values.plain(map.value(key).orElseThrow(), map.path(key));
                value.ifPresent(v -> params.put(key, v));
                complete &= value.isPresent();
            }
        }
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<ComponentFactory<?>> factory = catalog.find(family, type.get());
        if (factory.isEmpty()) {
            values.problems().at(map.value("type").orElseThrow(), map.path("type"), unknownType(family, type.get()));
            return Optional.empty();
        }
        if (!complete) {
            return Optional.empty();
        }
        Binding<?> binding = ParamBinder.bind(factory.get(), params);
        Set<String> known = ParamBinder.describe(factory.get().configType()).stream()
                .map(ParamDoc::name).collect(Collectors.toSet());
        for (ParamProblem problem : binding.problems()) {
            // An unknown key is wrong as a key, a bad value as a value; a missing parameter has
            // no node of its own, so it points at the component's type.
            Optional<Node> at = known.contains(problem.key()) ? map.value(problem.key()) : map.keyNode(problem.key());
            values.problems().at(at.orElseGet(() -> map.keyNode("type").orElseThrow()),
                    map.path(problem.key()), problem.message());
        }
        return binding.isBound() ? Optional.of(new ComponentSpec(type.get(), params)) : Optional.empty();
    }

    private String unknownType(Family<?> family, String type) {
        return family.unknownType(type, catalog.names(family));
    }
}
