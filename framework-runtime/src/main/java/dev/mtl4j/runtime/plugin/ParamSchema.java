package dev.mtl4j.runtime.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.spi.Param;
import java.util.List;
import java.util.Map;

/**
 * A config record's parameters as JSON Schema (draft-07) properties, from the same {@link Param}
 * declarations the binder checks: type, range, allowed values, default and documentation.
 */
public final class ParamSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ParamSchema() {
    }

    /** Each parameter's schema, by name, in declaration order. */
    public static ObjectNode properties(Class<? extends Record> configType) {
        ObjectNode properties = JSON.objectNode();
        for (ParamSlot slot : ParamSlot.inspect(configType)) {
            properties.set(slot.name(), property(slot));
        }
        return properties;
    }

    /** The names of the parameters a user must give. */
    public static List<String> required(Class<? extends Record> configType) {
        return ParamSlot.inspect(configType).stream().filter(ParamSlot::required).map(ParamSlot::name).toList();
    }

    private static ObjectNode property(ParamSlot slot) {
        Param param = slot.param();
        ObjectNode schema = switch (slot.type()) {
            case INT_LIST, DOUBLE_LIST, STRING_LIST -> JSON.objectNode().put("type", "array").set("items", scalar(slot));
            case INT_MAP -> JSON.objectNode().put("type", "object").set("additionalProperties", scalar(slot));
            case LOSS_WEIGHTS -> lossWeights();
            default -> scalar(slot);
        };
        schema.put("description", param.doc());
        if (slot.defaultValue() != null) {
            schema.set("default", json(slot.defaultValue()));
        }
        return schema;
    }

    /** A positive number, auto or balanced, or a map of class names to positive numbers. */
    private static ObjectNode lossWeights() {
        ObjectNode positive = JSON.objectNode().put("type", "number").put("exclusiveMinimum", 0);
        ArrayNode forms = JSON.arrayNode();
        forms.add(positive);
        forms.add(JSON.objectNode().set("enum", strings(List.of("auto", "balanced"))));
        forms.add(JSON.objectNode().put("type", "object").set("additionalProperties", positive.deepCopy()));
        return (ObjectNode) JSON.objectNode().set("oneOf", forms);
    }

    /** The schema of one value, or of one element of a list or map. */
    private static ObjectNode scalar(ParamSlot slot) {
        Param param = slot.param();
        ObjectNode schema = JSON.objectNode();
        switch (slot.type()) {
            case INT, LONG, INT_LIST, INT_MAP -> schema.put("type", "integer");
            case DOUBLE, DOUBLE_LIST -> schema.put("type", "number");
            case BOOLEAN -> schema.put("type", "boolean");
            // The binder takes a number where text is expected (a level named 2024).
            case STRING, STRING_LIST -> schema.set("type", JSON.arrayNode().add("string").add("integer"));
            case ENUM -> schema.set("enum", strings(ParamType.yamlNames(slot.javaType())));
            default -> throw new IllegalStateException("no schema for " + slot.type());
        }
        if (param.oneOf().length > 0) {
            schema.set("enum", strings(List.of(param.oneOf())));
        }
        if (param.min() != Double.NEGATIVE_INFINITY) {
            schema.set("minimum", number(param.min()));
        }
        if (param.max() != Double.POSITIVE_INFINITY) {
            schema.set("maximum", number(param.max()));
        }
        return schema;
    }

    private static JsonNode number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? JSON.numberNode((long) value) : JSON.numberNode(value);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A bound default (Integer, Double, Boolean, String, enum constant, List or Map) as JSON. */
    private static JsonNode json(Object value) {
        if (value instanceof Enum<?> constant) {
            return JSON.textNode(ParamType.yamlName(constant));
        } else if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(element -> array.add(json(element)));
            return array;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), json(v)));
            return object;
        } else if (value instanceof Integer || value instanceof Long) {
            return JSON.numberNode(((Number) value).longValue());
        } else if (value instanceof Double d) {
            return number(d);
        } else if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        return JSON.textNode(String.valueOf(value));
    }
}
