package dev.mtl4j.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The few JSON Schema shapes the pipeline schema is made of. */
final class SchemaNodes {
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    ObjectNode object() {
        return json.objectNode();
    }

    ArrayNode array() {
        return json.arrayNode();
    }

    ArrayNode strings(Collection<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    ObjectNode ref(String definition) {
        return object().put("$ref", "#/definitions/" + definition);
    }

    /**
     * A node with a description. Draft-07 ignores siblings of {@code $ref}, so a reference is wrapped
     * in {@code allOf} for its description to show in editors.
     */
    ObjectNode described(ObjectNode node, String description) {
        if (node.has("$ref")) {
            ObjectNode wrapper = object().put("description", description);
            wrapper.set("allOf", array().add(node));
            return wrapper;
        }
        return node.put("description", description);
    }

    /** A scalar the loader reads as text (a number is taken as its text). */
    ObjectNode text(String description) {
        ObjectNode node = object();
        node.set("type", strings(List.of("string", "number")));
        return node.put("description", description);
    }

    ObjectNode texts(String description) {
        ObjectNode node = object().put("type", "array");
        node.set("items", text("").without("description"));
        return node.put("description", description);
    }

    /** One text, or a list of them. */
    ObjectNode textOrTexts(String description) {
        ObjectNode node = object();
        node.set("oneOf", array().add(text("").without("description")).add(texts("").without("description")));
        return node.put("description", description);
    }

    ObjectNode integer(String description, Integer minimum) {
        ObjectNode node = object().put("type", "integer").put("description", description);
        return minimum == null ? node : node.put("minimum", minimum);
    }

    /** A number in [0, 1). */
    ObjectNode fraction(String description) {
        return object().put("type", "number").put("minimum", 0).put("exclusiveMaximum", 1).put("description", description);
    }

    ObjectNode oneOfNames(List<String> names) {
        ObjectNode node = object().put("type", "string");
        node.set("enum", strings(names));
        return node;
    }

    /** An object with these properties only. */
    ObjectNode closedObject(Map<String, JsonNode> properties, List<String> required, String description) {
        ObjectNode node = object().put("type", "object").put("description", description);
        ObjectNode props = object();
        properties.forEach(props::set);
        node.set("properties", props);
        if (!required.isEmpty()) {
            node.set("required", strings(required));
        }
        return node.put("additionalProperties", false);
    }
}
