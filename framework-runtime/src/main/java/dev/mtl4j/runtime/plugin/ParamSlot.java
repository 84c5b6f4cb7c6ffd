package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spi.Param;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One component of a config record as the binder sees it: name, type, annotation and parsed default.
 * Inspection fails fast (IllegalStateException) on a plugin author's mistake, so that a broken
 * config record is found when its plugin is tested, not when a user's file happens to use it.
 */
record ParamSlot(String name, ParamType type, Class<?> javaType, Param param, Object defaultValue) {

    static List<ParamSlot> inspect(Class<? extends Record> configType) {
        List<ParamSlot> slots = new ArrayList<>();
        for (RecordComponent component : configType.getRecordComponents()) {
            slots.add(inspect(configType, component));
        }
        return slots;
    }

    private static ParamSlot inspect(Class<?> owner, RecordComponent component) {
        String where = owner.getName() + "." + component.getName();
        Param param = component.getAnnotation(Param.class);
        if (param == null) {
            throw new IllegalStateException(where + " has no @Param annotation; every config record component needs one");
        }
        ParamType type = ParamType.of(component).orElseThrow(() -> new IllegalStateException(where
                + " has type " + component.getGenericType().getTypeName()
                + "; supported are int, long, double, boolean, String, enums, List<Integer|Double|String> and Map<String, Integer>"));
        boolean absentAllowed = param.defaultValue().equals(Param.NONE);
        if (absentAllowed && component.getType().isPrimitive()) {
            throw new IllegalStateException(where + " may be absent (Param.NONE) and so must use a boxed type");
        }
        ParamSlot slot = new ParamSlot(component.getName(), type, component.getType(), param, null);
        if (!slot.required() && !absentAllowed) {
            try {
                Object value = type.convert(parseDefault(param.defaultValue(), type), component.getType());
                slot.check(value);
                slot = new ParamSlot(slot.name, type, slot.javaType, param, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + " has an invalid default '" + param.defaultValue() + "': "
                        + e.getMessage(), e);
            }
        }
        return slot;
    }

    boolean required() {
        return param.defaultValue().equals(Param.REQUIRED);
    }

    /** Checks range and allowed values. @throws IllegalArgumentException with the user's message */
    void check(Object value) {
        Collection<?> values = value instanceof List<?> list ? list
                : value instanceof Map<?, ?> map ? map.values() : List.of(value);
        for (Object element : values) {
            if (element instanceof Number number) {
                double x = number.doubleValue();
                if (x < param.min()) {
                    throw new IllegalArgumentException("must be >= " + bound(param.min()) + ", got " + element);
                }
                if (x > param.max()) {
                    throw new IllegalArgumentException("must be <= " + bound(param.max()) + ", got " + element);
                }
            }
            if (element instanceof String text && param.oneOf().length > 0 && !Arrays.asList(param.oneOf()).contains(text)) {
                throw new IllegalArgumentException("must be one of " + Arrays.toString(param.oneOf()) + ", got '" + text + "'");
            }
        }
    }

    /** A bound as the user wrote it: 1 rather than 1.0 for whole numbers. */
    static String bound(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * Parses a default written as in YAML into the shape a YAML file would give: a list for
     * {@code [256, 256]}, an Integer, Double or Boolean for a scalar of those types, else the text.
     */
    static Object parseDefault(String text, ParamType type) {
        String trimmed = text.trim();
        if (type == ParamType.INT_MAP) {
            if (!trimmed.equals("{}")) {
                throw new IllegalArgumentException("a map default can only be empty: {}");
            }
            return Map.of();
        }
        if (type.isList()) {
            if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
                throw new IllegalArgumentException("a list default is written [a, b]");
            }
            String body = trimmed.substring(1, trimmed.length() - 1).trim();
            List<Object> items = new ArrayList<>();
            if (!body.isEmpty()) {
                for (String item : body.split(",", -1)) {
                    items.add(scalar(item.trim(), type));
                }
            }
            return items;
        }
        return scalar(trimmed, type);
    }

    private static Object scalar(String text, ParamType type) {
        boolean quoted = text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"));
        if (quoted) {
            return text.substring(1, text.length() - 1);
        }
        try {
            return switch (type) {
                case INT, INT_LIST -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case DOUBLE, DOUBLE_LIST -> Double.valueOf(text);
                case BOOLEAN -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : text;
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text; // convert() then reports "expected an integer, got '...'"
        }
    }
}
