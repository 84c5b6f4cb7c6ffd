package dev.mtl4j.runtime.config;

import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.runtime.suggest.FuzzyMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One YAML map of the pipeline format, seen through its dotted path ({@code training.optimizer}):
 * typed access to its values, unknown-key checks, and the location of any key for error messages.
 * Duplicate and rejected keys were reported by {@link NodeChecker}; only first occurrences are kept.
 */
final class YamlMap {
    private final Node node;
    private final String path;
    private final YamlValues values;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(Node node, String path, YamlValues values) {
        this.node = node;
        this.path = path;
        this.values = values;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key && !values.problems().isRejected(key)) {
                    entries.putIfAbsent(key.getValue(), entry);
                }
            }
        }
    }

    /** The map at a node, or empty (reported) when the node is something else. */
    static Optional<YamlMap> of(Node node, String path, YamlValues values) {
        if (node instanceof MappingNode) {
            return Optional.of(new YamlMap(node, path, values));
        }
        return values.wrong(node, path, "a map");
    }

    /** The map at a node known to be a map, or, at null (an empty file), a map without entries. */
    static YamlMap at(Node node, String path, YamlValues values) {
        return new YamlMap(node, path, values);
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    YamlValues values() {
        return values;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** Reports each key not in {@code allowed}, at the key, with a suggestion. */
    void allowOnly(List<String> allowed) {
        allowOnly(allowed, Map.of());
    }

    /**
     * Reports each key not in {@code allowed}, at the key: a key of {@code refused} with its own
     * message (a key of the other pipeline format, say, which deserves more than "unknown key"),
     * any other with a suggestion.
     */
    void allowOnly(List<String> allowed, Map<String, String> refused) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (!allowed.contains(key)) {
                values.problems().at(entry.getValue().getKeyNode(), path(key),
                        refused.containsKey(key) ? refused.get(key) : FuzzyMatcher.unknownKey(key, allowed));
            }
        }
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    Optional<Node> keyNode(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
    }

    /** The value node, or empty after reporting "is required" at this map. */
    Optional<Node> required(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            values.problems().at(node, path(key), "is required");
        }
        return value;
    }

    Optional<String> text(String key) {
        return value(key).flatMap(v -> values.text(v, path(key)));
    }

    Optional<Integer> integer(String key) {
        return value(key).flatMap(v -> values.integer(v, path(key)));
    }

    Optional<Long> whole(String key) {
        return value(key).flatMap(v -> values.whole(v, path(key)));
    }

    Optional<Double> number(String key) {
        return value(key).flatMap(v -> values.number(v, path(key)));
    }

    Optional<Boolean> bool(String key) {
        return value(key).flatMap(v -> values.bool(v, path(key)));
    }

    Optional<List<String>> texts(String key) {
        return value(key).flatMap(v -> values.texts(v, path(key)));
    }

    Optional<YamlMap> map(String key) {
        return value(key).flatMap(v -> of(v, path(key), values));
    }

    /**
     * The node a dotted key (relative to this map) points at, as deep as the file goes: the value of
     * the last key found, else this map. Keys may themselves contain dots (a column DUAL.INCOMES),
     * so the longest key that fits is taken at each level.
     */
    Node locate(String dottedKey) {
        String best = null;
        for (String key : entries.keySet()) {
            boolean fits = dottedKey.equals(key) || dottedKey.startsWith(key + ".");
            if (fits && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        if (best == null) {
            return node;
        }
        Node value = entries.get(best).getValueNode();
        if (dottedKey.equals(best) || !(value instanceof MappingNode)) {
            return value;
        }
        return new YamlMap(value, path(best), values).locate(dottedKey.substring(best.length() + 1));
    }

    /** Builds a spec, reporting its validation error at the key it names (relative to this map). */
    <T> Optional<T> build(Supplier<T> constructor) {
        try {
            return Optional.of(constructor.get());
        } catch (SpecException e) {
            report(e);
            return Optional.empty();
        }
    }

    /** Reports a spec's own validation error (a key relative to this map) at the right node. */
    void report(SpecException e) {
        values.problems().at(locate(e.key()), path(e.key()), e.reason());
    }
}
