package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spi.LossWeights;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Java types a config record component may have, and how a YAML-shaped value becomes one. */
enum ParamType {
    INT("integer", "an integer"),
    LONG("integer", "an integer"),
    DOUBLE("number", "a number"),
    BOOLEAN("boolean", "true or false"),
    STRING("string", "a string"),
    ENUM("name", "a name"),
    INT_LIST("list of integers", "a list of integers"),
    DOUBLE_LIST("list of numbers", "a list of numbers"),
    STRING_LIST("list of strings", "a list of strings"),
    /** Names to integers, e.g. a task's depth: {@code at: {pos: 1, ner: 2}}. */
    INT_MAP("map of names to integers", "a map of names to integers"),
    /** A loss weight: a number, auto or balanced, or a map of class names to numbers ({@link LossWeights}). */
    LOSS_WEIGHTS("number, word or map of names to numbers",
            "a positive number, auto, balanced, or a map of class names to positive numbers");

    private final String text;
    private final String expected;

    ParamType(String text, String expected) {
        this.text = text;
        this.expected = expected;
    }

    /** How {@code mtl describe} names the type: "integer", "list of numbers". */
    String text() {
        return text;
    }

    /** The type of a record component, or empty when it is not one of the supported types. */
    static Optional<ParamType> of(RecordComponent component) {
        Class<?> raw = component.getType();
        if (raw == int.class || raw == Integer.class) {
            return Optional.of(INT);
        } else if (raw == long.class || raw == Long.class) {
            return Optional.of(LONG);
        } else if (raw == double.class || raw == Double.class) {
            return Optional.of(DOUBLE);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return Optional.of(BOOLEAN);
        } else if (raw == String.class) {
            return Optional.of(STRING);
        } else if (raw == LossWeights.class) {
            return Optional.of(LOSS_WEIGHTS);
        } else if (raw.isEnum()) {
            return Optional.of(ENUM);
        } else if (raw == List.class && component.getGenericType() instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            return element == Integer.class ? Optional.of(INT_LIST)
                    : element == Double.class ? Optional.of(DOUBLE_LIST)
                    : element == String.class ? Optional.of(STRING_LIST)
                    : Optional.empty();
        } else if (raw == Map.class && component.getGenericType() instanceof ParameterizedType map) {
            Type[] arguments = map.getActualTypeArguments();
            return arguments[0] == String.class && arguments[1] == Integer.class ? Optional.of(INT_MAP) : Optional.empty();
        }
        return Optional.empty();
    }

    boolean isList() {
        return this == INT_LIST || this == DOUBLE_LIST || this == STRING_LIST;
    }

    /**
     * Converts a value as found in {@code ComponentSpec.params()} to this type.
     *
     * @throws IllegalArgumentException with the message a user sees ("expected a list of integers, got 'abc'")
     */
    Object convert(Object value, Class<?> enumType) {
        if (this == LOSS_WEIGHTS) {
            return lossWeights(value);
        }
        if (this == INT_MAP) {
            if (!(value instanceof Map<?, ?> map)) {
                throw wrong(value, enumType);
            }
            Map<String, Integer> converted = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getValue() instanceof Integer number)) {
                    throw new IllegalArgumentException("expected an integer for '" + entry.getKey() + "', got "
                            + shown(entry.getValue()));
                }
                converted.put(String.valueOf(entry.getKey()), number);
            }
            return Collections.unmodifiableMap(converted);
        }
        if (isList()) {
            if (!(value instanceof List<?> list)) {
                throw wrong(value, enumType);
            }
            List<Object> converted = new ArrayList<>(list.size());
            for (Object element : list) {
                Object scalar = element instanceof List || element instanceof Map ? null : scalar(element, null);
                if (scalar == null) {
                    throw wrong(element, enumType);
                }
                converted.add(scalar);
            }
            return List.copyOf(converted);
        }
        Object scalar = scalar(value, enumType);
        if (scalar == null) {
            throw wrong(value, enumType);
        }
        return scalar;
    }

    /** One scalar of this type (or of this list type's element type), or null when it does not fit. */
    private Object scalar(Object value, Class<?> enumType) {
        return switch (this) {
            case INT, INT_LIST -> value instanceof Integer ? value : null;
            case LONG -> value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : null;
            case DOUBLE, DOUBLE_LIST -> value instanceof Integer || value instanceof Long || value instanceof Double
                    ? ((Number) value).doubleValue() : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            // A number is accepted where text is expected (a level named 2024), a yes/no is not.
            case INT_MAP, LOSS_WEIGHTS -> null;
            case STRING, STRING_LIST -> value instanceof String || value instanceof Integer || value instanceof Long
                    ? value.toString() : null;
            case ENUM -> value instanceof String text ? enumConstant(enumType, text) : null;
        };
    }

    private LossWeights lossWeights(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            return LossWeights.of(((Number) value).doubleValue());
        }
        if (value instanceof String word) {
            return LossWeights.word(word);
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, Double> weights = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getValue() instanceof Integer || entry.getValue() instanceof Long
                        || entry.getValue() instanceof Double)) {
                    throw new IllegalArgumentException("expected a number for '" + entry.getKey() + "', got "
                            + shown(entry.getValue()));
                }
                weights.put(String.valueOf(entry.getKey()), ((Number) entry.getValue()).doubleValue());
            }
            return LossWeights.byClass(weights);
        }
        throw wrong(value, null);
    }

    private IllegalArgumentException wrong(Object value, Class<?> enumType) {
        String wanted = this == ENUM ? "one of " + yamlNames(enumType) : expected;
        return new IllegalArgumentException("expected " + wanted + ", got " + shown(value));
    }

    static String shown(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    /** The YAML name of an enum constant: LEAKY_RELU is written leaky-relu. */
    static String yamlName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<String> yamlNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> yamlName((Enum<?>) c)).toList();
    }

    private static Object enumConstant(Class<?> enumType, String text) {
        for (Object constant : enumType.getEnumConstants()) {
            if (yamlName((Enum<?>) constant).equals(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of " + yamlNames(enumType) + ", got '" + text + "'");
    }
}
