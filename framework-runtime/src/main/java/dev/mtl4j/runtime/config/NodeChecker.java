package dev.mtl4j.runtime.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Walks the whole node tree once and reports what no pipeline file may contain, wherever it is:
 * tags other than the plain YAML types (a {@code !!java.net.URL} is someone probing for a
 * deserialization gadget, never a pipeline setting), non-text keys, and duplicate keys, which
 * SnakeYAML's composer lets through and a loader would silently resolve to the last value.
 */
final class NodeChecker {
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

    private final Problems problems;
    // Aliases make the tree a graph (possibly a cycle); each node is checked once.
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private NodeChecker(Problems problems) {
        this.problems = problems;
    }

    static void check(Node root, Problems problems) {
        new NodeChecker(problems).visit(root, "(top level)");
    }

    private void visit(Node node, String path) {
        if (!seen.add(node) || !tagAllowed(node, path)) {
            return;
        }
        if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                visit(sequence.getValue().get(i), path + "[" + i + "]");
            }
        } else if (node instanceof MappingNode mapping) {
            visitEntries(mapping, path);
        }
    }

    private void visitEntries(MappingNode mapping, String path) {
        Map<String, Node> firstKeys = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            Node keyNode = entry.getKeyNode();
            if (!(keyNode instanceof ScalarNode key) || !tagAllowed(keyNode, path)) {
                if (!problems.isRejected(keyNode)) {
                    problems.reject(keyNode, path, "a key must be plain text");
                }
                continue;
            }
            String childPath = path.equals("(top level)") ? key.getValue() : path + "." + key.getValue();
            Node first = firstKeys.putIfAbsent(key.getValue(), keyNode);
            if (first != null) {
                problems.reject(keyNode, childPath, "duplicate key '" + key.getValue() + "' (first at line "
                        + (first.getStartMark().getLine() + 1) + ")");
                continue;
            }
            visit(entry.getValueNode(), childPath);
        }
    }

    private boolean tagAllowed(Node node, String path) {
        Tag tag = node.getTag();
        boolean allowed = node instanceof ScalarNode ? SCALAR_TAGS.contains(tag)
                : node instanceof SequenceNode ? tag.equals(Tag.SEQ) : tag.equals(Tag.MAP);
        if (!allowed) {
            problems.reject(node, path, "tag '" + shortForm(tag) + "' is not allowed");
        }
        return allowed;
    }

    /** {@code tag:yaml.org,2002:java.net.URL} is written {@code !!java.net.URL} in the file. */
    private static String shortForm(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }
}
