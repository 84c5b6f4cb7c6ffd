package dev.mtl4j.runtime.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/** The vertices whose output reaches two or more of a network's outputs: what its tasks share. */
final class SharedLayers {
    private SharedLayers() {
    }

    static List<String> of(ComputationGraphConfiguration configuration) {
        Map<String, List<String>> inputs = configuration.getVertexInputs();
        Map<String, Integer> reached = new HashMap<>();
        for (String output : configuration.getNetworkOutputs()) {
            List<String> seen = new ArrayList<>();
            List<String> todo = new ArrayList<>(List.of(output));
            while (!todo.isEmpty()) {
                String vertex = todo.remove(todo.size() - 1);
                if (seen.contains(vertex)) {
                    continue;
                }
                seen.add(vertex);
                todo.addAll(inputs.getOrDefault(vertex, List.of()));
            }
            seen.forEach(vertex -> reached.merge(vertex, 1, Integer::sum));
        }
        List<String> shared = new ArrayList<>();
        reached.forEach((vertex, outputs) -> {
            if (outputs > 1) {
                shared.add(vertex);
            }
        });
        return shared;
    }
}
