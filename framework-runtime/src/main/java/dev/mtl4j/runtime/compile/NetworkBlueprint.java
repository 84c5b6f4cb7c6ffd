package dev.mtl4j.runtime.compile;

import dev.mtl4j.runtime.train.ParameterTies;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.runtime.memory.MemoryLimits;
import dev.mtl4j.runtime.memory.NetworkMemory;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A network configured but not yet built: its DL4J configuration may still be adjusted (a transfer
 * sets per-layer learning rates here) before {@link #build()} initialises the weights.
 *
 * @param configuration the DL4J configuration
 * @param outputs output layer names, index i belongs to the pipeline's task i (a training device's output, if any, last)
 * @param encoderLayers the name of each encoder depth (its layer-stack vertex), bottom first
 * @param encoderDepths the encoder's vertices per depth, bottom first (empty for a heads-only network)
 * @param layout where each task's head attaches
 */
public record NetworkBlueprint(ComputationGraphConfiguration configuration, List<String> outputs,
                               List<String> encoderLayers, List<List<String>> encoderDepths, SharedLayout layout) {

    public NetworkBlueprint {
        outputs = List.copyOf(outputs);
        encoderLayers = List.copyOf(encoderLayers);
        encoderDepths = List.copyOf(encoderDepths);
    }

    /**
     * Initialises the weights (seeded by the configuration) and returns the network.
     *
     * @throws dev.mtl4j.api.MtlException RESOURCE_EXHAUSTED, before allocating, when the parameters,
     *     their gradients and the optimizer's state cannot fit in the memory this process may use
     */
    public CompiledNetwork build() {
        NetworkMemory.of(configuration).requireFits(MemoryLimits.availableOffHeap(), this::keyOf);
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        if (!layout.ties().isEmpty()) {
            graph.addListeners(new ParameterTies(layout.ties()));
        }
        return new CompiledNetwork(graph, outputs, encoderDepths);
    }

    /** The pipeline key a vertex comes from: the encoder's depths, a task's scope ({@code task/NAME/...}), else the sharing strategy. */
    private String keyOf(String vertex) {
        if (encoderDepths.stream().anyMatch(depth -> depth.contains(vertex))) {
            return "encoder";
        }
        String taskScope = GraphCompiler.TASK_SCOPE + "/";
        if (vertex.startsWith(taskScope) && vertex.indexOf('/', taskScope.length()) > 0) {
            return "tasks." + vertex.substring(taskScope.length(), vertex.indexOf('/', taskScope.length())) + ".head";
        }
        return "sharing";
    }
}
