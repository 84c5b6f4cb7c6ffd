package dev.mtl4j.runtime.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Each task's path through a tree of dense layers, from its output layer up to the input, and the
 * layers several tasks share. When every head hangs off one shared layer (hard sharing), that layer's
 * output is the shared representation and each task's head is its path below it.
 */
final class TaskPaths {
    private final int[][] paths;
    private final boolean[] shared;
    private final int representation;
    private final String noRepresentation;

    TaskPaths(List<DenseTopology.Node> nodes, int outputs) {
        paths = new int[outputs][];
        int[] tasksThrough = new int[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            DenseTopology.Node node = nodes.get(n);
            if (!node.isOutput()) {
                continue;
            }
            List<Integer> path = new ArrayList<>();
            for (int at = n; at >= 0; at = nodes.get(at).parent()) {
                path.add(at);
                tasksThrough[at]++;
            }
            paths[node.output()] = path.stream().mapToInt(Integer::intValue).toArray();
        }
        shared = new boolean[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            shared[n] = tasksThrough[n] > 1;
        }
        int found = -1;
        String why = null;
        // the representation: the deepest layer on every task's path; below it, no layer may serve two tasks
        for (int n = 0; n < nodes.size(); n++) {
            if (tasksThrough[n] == outputs && (found < 0 || depth(nodes, n) > depth(nodes, found))) {
                found = n;
            }
        }
        if (found < 0 || nodes.get(found).isOutput()) {
            why = "the tasks share no layer";
            found = -1;
        } else {
            for (int n = 0; n < nodes.size(); n++) {
                if (shared[n] && tasksThrough[n] < outputs) {
                    why = "layer '" + nodes.get(n).name() + "' serves some tasks but not all: the heads read different layers";
                    found = -1;
                    break;
                }
            }
        }
        representation = found;
        noRepresentation = why;
    }

    private static int depth(List<DenseTopology.Node> nodes, int n) {
        int depth = 0;
        for (int at = nodes.get(n).parent(); at >= 0; at = nodes.get(at).parent()) {
            depth++;
        }
        return depth;
    }

    /** Task i's nodes from its output layer up to the first layer. */
    int[] path(int task) {
        return paths[task];
    }

    boolean shared(int node) {
        return shared[node];
    }

    /** The layer whose output every head reads, or -1 (then {@link #whyNoRepresentation()} says why). */
    int representation() {
        return representation;
    }

    String whyNoRepresentation() {
        return noRepresentation;
    }

    /** Task i's head: its path's nodes below the representation, output first. */
    int[] head(int task) {
        int[] path = paths[task];
        int length = 0;
        while (path[length] != representation) {
            length++;
        }
        return java.util.Arrays.copyOf(path, length);
    }

    /** The representation and the layers below it to the input, representation first. */
    int[] trunk() {
        int[] path = paths[0];
        int from = 0;
        while (path[from] != representation) {
            from++;
        }
        return java.util.Arrays.copyOfRange(path, from, path.length);
    }
}
