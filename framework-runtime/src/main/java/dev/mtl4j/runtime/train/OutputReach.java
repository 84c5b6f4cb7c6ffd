package dev.mtl4j.runtime.train;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/** Which network outputs each vertex of a graph feeds, as a bit set (bit i: output i). */
final class OutputReach {
    private final Map<String, Long> reach = new HashMap<>();
    private final ComputationGraphConfiguration conf;
    private final long all;

    OutputReach(ComputationGraphConfiguration conf) {
        this.conf = conf;
        List<String> outputs = conf.getNetworkOutputs();
        if (outputs.size() > 62) {
            throw new IllegalArgumentException("more than 62 outputs");
        }
        this.all = (1L << outputs.size()) - 1;
        for (int o = 0; o < outputs.size(); o++) {
            Deque<String> todo = new ArrayDeque<>(List.of(outputs.get(o)));
            while (!todo.isEmpty()) {
                String vertex = todo.pop();
                long before = reach.getOrDefault(vertex, 0L);
                if ((before & (1L << o)) != 0) {
                    continue;
                }
                reach.put(vertex, before | (1L << o));
                todo.addAll(conf.getVertexInputs().getOrDefault(vertex, List.of()));
            }
        }
    }

    long of(String vertex) {
        return reach.getOrDefault(vertex, 0L);
    }

    /**
     * The layer with weights nearest the outputs among those that feed every output (the last shared
     * layer: dropout and other weightless vertices on the way are passed over), or null when there is
     * not exactly one.
     *
     * @param hasWeights whether a vertex is a layer with a weight matrix
     */
    String lastShared(java.util.function.Predicate<String> hasWeights) {
        List<String> candidates = reach.entrySet().stream()
                .filter(e -> e.getValue() == all && hasWeights.test(e.getKey())).map(Map.Entry::getKey).toList();
        List<String> last = candidates.stream()
                .filter(c -> candidates.stream().noneMatch(d -> !d.equals(c) && upstream(c, d))).toList();
        return last.size() == 1 ? last.get(0) : null;
    }

    /** Whether {@code vertex} is among the inputs, direct or not, of {@code of}. */
    private boolean upstream(String vertex, String of) {
        Deque<String> todo = new ArrayDeque<>(conf.getVertexInputs().getOrDefault(of, List.of()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (next.equals(vertex)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(conf.getVertexInputs().getOrDefault(next, List.of()));
            }
        }
        return false;
    }
}
