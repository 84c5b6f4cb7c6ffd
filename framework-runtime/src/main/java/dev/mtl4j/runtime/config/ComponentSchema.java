package dev.mtl4j.runtime.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.runtime.plugin.ComponentCatalog;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.ParamSchema;
import java.util.List;

/**
 * One family's components as a JSON Schema: {@code type} is one of the loaded types, and the other
 * keys are that type's parameters (an {@code if type is X then ...} branch per type, which editors
 * follow to complete and document the parameters of the type written).
 */
final class ComponentSchema {
    private final ComponentCatalog catalog;
    private final SchemaNodes nodes;

    ComponentSchema(ComponentCatalog catalog, SchemaNodes nodes) {
        this.catalog = catalog;
        this.nodes = nodes;
    }

    ObjectNode of(Family<?> family) {
        ObjectNode component = nodes.object().put("type", "object")
                .put("description", "The " + family.label() + ": { type: NAME, its parameters... }.");
        ObjectNode type = nodes.object().put("description", "The " + family.label() + " type.");
        type.set("enum", nodes.strings(catalog.names(family)));
        component.set("properties", nodes.object().set("type", type));
        component.set("required", nodes.strings(List.of("type")));
        ArrayNode branches = nodes.array();
        for (String name : catalog.names(family)) {
            ComponentFactory<?> factory = catalog.find(family, name).orElseThrow();
            ObjectNode condition = nodes.object();
            condition.set("properties", nodes.object().set("type", nodes.object().put("const", name)));
            condition.set("required", nodes.strings(List.of("type")));
            ObjectNode parameters = ParamSchema.properties(factory.configType());
            ObjectNode properties = nodes.object();
            properties.set("type", nodes.object().put("const", name).put("description", factory.description()));
            properties.setAll(parameters);
            ObjectNode then = nodes.object().put("description", factory.description());
            then.set("properties", properties);
            List<String> required = ParamSchema.required(factory.configType());
            if (!required.isEmpty()) {
                then.set("required", nodes.strings(required));
            }
            then.put("additionalProperties", false);
            branches.add(nodes.object().<ObjectNode>set("if", condition).set("then", then));
        }
        if (!branches.isEmpty()) {
            component.set("allOf", branches);
        }
        return component;
    }
}
