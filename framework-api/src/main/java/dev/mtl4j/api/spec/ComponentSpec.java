package dev.mtl4j.api.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pluggable component, named by its {@code type} (the factory's name) with its parameters as
 * plain values: strings, numbers, booleans, lists and maps of those. The parameters are checked
 * against the factory's config record when the runtime resolves the type.
 *
 * @param type the component's type name, as written in YAML ({@code type: mlp})
 * @param params the parameters, deeply immutable, in the order given
 */
public record ComponentSpec(String type, Map<String, Object> params) {

    public ComponentSpec {
        SpecException.requireName(type, "type");
        require(!params.containsKey("type"), "params", "must not contain 'type'");
        params = copyMap(params, "params");
    }

    public static ComponentSpec of(String type) {
        return new ComponentSpec(type, Map.of());
    }

    /** A copy with one parameter set (added last, or replaced in place). */
    public ComponentSpec with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(key, value);
        return new ComponentSpec(type, copy);
    }

    private static void require(boolean condition, String key, String message) {
        SpecException.require(condition, key, message);
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, String key) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            require(entry.getKey() instanceof String, key, "keys must be strings, got " + entry.getKey());
            String name = (String) entry.getKey();
            copy.put(name, copyValue(entry.getValue(), key + "." + name));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value, String key) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Double) {
            return value;
        }
        if (value instanceof Long l) {
            // YAML has one integer type: keep small longs as ints so that spec -> YAML -> spec is identity.
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) l.intValue() : l;
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(list.get(i), key + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, key);
        }
        throw new SpecException(key, "must be a string, number, boolean, list or map, got "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
