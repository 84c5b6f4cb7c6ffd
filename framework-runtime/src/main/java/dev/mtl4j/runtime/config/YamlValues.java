package dev.mtl4j.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns checked nodes into plain values, reporting a wrong type at the node. Each method returns
 * empty after reporting, and stays silent about nodes already rejected by {@link NodeChecker}.
 */
final class YamlValues {
    private static final int MAX_VALUES = 100_000;

    private final Problems problems;
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private int expanded;

    YamlValues(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** Any scalar except null, as written: a column named 2024 is text here. */
    Optional<String> text(Node node, String path) {
        return scalar(node, path, "a string").map(ScalarNode::getValue);
    }

    Optional<Integer> integer(Node node, String path) {
        return typed(node, path, "an integer", Integer.class);
    }

    Optional<Long> whole(Node node, String path) {
        Optional<Number> value = typed(node, path, "an integer", Number.class);
        if (value.isPresent() && value.get() instanceof Double) {
            return wrong(node, path, "an integer");
        }
        return value.map(Number::longValue);
    }

    Optional<Double> number(Node node, String path) {
        return typed(node, path, "a number", Number.class).map(Number::doubleValue);
    }

    Optional<Boolean> bool(Node node, String path) {
        return typed(node, path, "true or false", Boolean.class);
    }

    Optional<List<String>> texts(Node node, String path) {
        if (!(node instanceof SequenceNode sequence)) {
            return wrong(node, path, "a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (Node element : sequence.getValue()) {
            Optional<String> value = scalar(element, path, "a list of strings").map(ScalarNode::getValue);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    /** A parameter value with its YAML type kept: String, Integer, Long, Double, Boolean, List or Map. */
    Optional<Object> plain(Node node, String path) {
        if (problems.isRejected(node)) {
            return Optional.empty();
        }
        // Aliases turn the tree into a graph: it may loop back on itself, or, through aliases of
        // aliases, expand to far more values than the text holds. Both are refused, not followed.
        if (!open.add(node)) {
            problems.at(node, path, "refers to itself through an alias");
            return Optional.empty();
        }
        try {
            if (++expanded > MAX_VALUES) {
                if (expanded == MAX_VALUES + 1) { // once: every later value is over the limit too
                    problems.at(node, path, "expands to more than " + MAX_VALUES + " values through aliases");
                }
                return Optional.empty();
            }
            return collectionOrScalar(node, path);
        } finally {
            open.remove(node);
        }
    }

    private Optional<Object> collectionOrScalar(Node node, String path) {
        if (node instanceof SequenceNode sequence) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                values.add(plain(sequence.getValue().get(i), path + "[" + i + "]").orElse(null));
            }
            return values.contains(null) ? Optional.empty() : Optional.of(Collections.unmodifiableList(values));
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key && !problems.isRejected(key)) {
                    values.put(key.getValue(), plain(entry.getValueNode(), path + "." + key.getValue()).orElse(null));
                }
            }
            return values.containsValue(null) ? Optional.empty() : Optional.of(Collections.unmodifiableMap(values));
        }
        Optional<Object> value = scalarValue((ScalarNode) node, path);
        if (value.isEmpty() && !problems.isRejected(node)) {
            problems.at(node, path, "has no value");
        }
        return value;
    }

    private <T> Optional<T> typed(Node node, String path, String expected, Class<T> type) {
        Optional<ScalarNode> scalar = scalar(node, path, expected);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        Optional<Object> value = scalarValue(scalar.get(), path);
        if (value.isPresent() && type.isInstance(value.get())) {
            return Optional.of(type.cast(value.get()));
        }
        return problems.isRejected(node) ? Optional.empty() : wrong(node, path, expected);
    }

    private Optional<ScalarNode> scalar(Node node, String path, String expected) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL) && !problems.isRejected(node)) {
            return Optional.of(scalar);
        }
        return wrong(node, path, expected);
    }

    <T> Optional<T> wrong(Node node, String path, String expected) {
        if (!problems.isRejected(node)) {
            problems.at(node, path, "expected " + expected + ", got " + describe(node));
        }
        return Optional.empty();
    }

    static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        } else if (node instanceof MappingNode) {
            return "a map";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.NULL) ? "nothing" : "'" + scalar.getValue() + "'";
    }

    /** The Java value of a scalar, empty for null; a bad explicit {@code !!int abc} is reported. */
    private Optional<Object> scalarValue(ScalarNode node, String path) {
        try {
            return Optional.ofNullable(YamlScalars.value(node));
        } catch (NumberFormatException e) {
            problems.reject(node, path, "'" + node.getValue() + "' is not a valid "
                    + (node.getTag().equals(Tag.INT) ? "integer" : "number"));
            return Optional.empty();
        }
    }
}
