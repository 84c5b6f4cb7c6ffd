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

    Problems(String file) {
        this.file = file;
    }

    /** Reports at a node; a null node (an empty file) means the start of the file. */
    void at(Node node, String key, String message) {
        at(node == null ? null : node.getStartMark(), key, message);
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

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            Comparator<Problem> inFileOrder = Comparator.comparingInt((Problem p) -> position(p).line())
                    .thenComparingInt(p -> position(p).column());
            throw new MtlException(ErrorCategory.CONFIG_INVALID, problems.stream().sorted(inFileOrder).toList(), null);
        }
    }

    private static Location.Position position(Problem problem) {
        return (Location.Position) problem.location();
    }
}
