package dev.mtl4j.runtime.config;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects every problem of one file, each a {@link Problem} with its key and its
 * {@code FILE:LINE:COLUMN}, so a user sees them all at once, in file order. Nodes already reported (a forbidden tag) are remembered, so that later
 * readers stay silent about them instead of adding a second, confusing "expected a number".
 */
final class Problems {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<Node> rejected = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Nodes a {@code --set} brought, by the argument that brought them. */
    private final java.util.Map<Node, String> overridden = new IdentityHashMap<>();

    Problems(String file) {
        this.file = file;
    }

    /** Reports at a node; a null node (an empty file) means the start of the file. */
    void at(Node node, String key, String message) {
        String argument = node == null ? null : overridden.get(node);
        if (argument != null) {
            problems.add(new Problem(key, Location.file(argument), message));
            return;
        }
        at(node == null ? null : node.getStartMark(), key, message);
    }

    /** Places the problems of {@code node} and the nodes inside it at {@code argument}: the {@code --set} that brought them. */
    void overridden(Node node, String argument) {
        overridden.put(node, argument);
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode map) {
            map.getValue().forEach(entry -> {
                overridden(entry.getKeyNode(), argument);
                overridden(entry.getValueNode(), argument);
            });
        } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode list) {
            list.getValue().forEach(item -> overridden(item, argument));
        }
    }

    void at(Mark mark, String key, String message) {
        // SnakeYAML counts from 0; editors and compilers count from 1.
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        problems.add(new Problem(key, Location.position(file, line, column), message));
    }

    /** Reports a node and keeps every reader away from it. */
    void reject(Node node, String key, String message) {
        at(node, key, message);
        rejected.add(node);
    }

    boolean isRejected(Node node) {
        return rejected.contains(node);
    }

    /** The file the problems are in. */
    String file() {
        return file;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            // the file's problems in file order, then those of --set arguments
            Comparator<Problem> inFileOrder = Comparator.comparingInt((Problem p) -> position(p).line())
                    .thenComparingInt(p -> position(p).column());
            throw new MtlException(ErrorCategory.CONFIG_INVALID, problems.stream().sorted(inFileOrder).toList(), null);
        }
    }

    private static Location.Position position(Problem problem) {
        return problem.location() instanceof Location.Position position ? position
                : new Location.Position(file(problem), Integer.MAX_VALUE, 1);
    }

    private static String file(Problem problem) {
        return problem.location() instanceof Location.File f ? f.file() : "";
    }
}
