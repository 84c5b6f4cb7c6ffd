package dev.mtl4j.runtime.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The first setting in which two YAML documents differ, as {@code training.epochs: 30 then, 50 now}. */
final class YamlDifference {
    private YamlDifference() {
    }

    static String first(String then, String now) {
        Map<String, Object> before = flat(PlainYaml.load(then));
        Map<String, Object> after = flat(PlainYaml.load(now));
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object a = before.get(key);
            Object b = after.get(key);
            if (!Objects.equals(a, b)) {
                return key + ": " + (a == null ? "absent" : a) + " in the checkpoint, " + (b == null ? "absent" : b) + " now";
            }
        }
        return "the same settings, written differently";
    }

    private static Map<String, Object> flat(Map<?, ?> map) {
        Map<String, Object> flat = new LinkedHashMap<>();
        add(flat, "", map);
        return flat;
    }

    private static void add(Map<String, Object> flat, String prefix, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> add(flat, prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v));
        } else if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map<?, ?>)) {
            for (int i = 0; i < list.size(); i++) {
                add(flat, prefix + "[" + i + "]", list.get(i));
            }
        } else {
            flat.put(prefix, value);
        }
    }
}
