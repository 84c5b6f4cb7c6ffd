package dev.mtl4j.runtime.compile;

import dev.mtl4j.runtime.train.ParameterTies;
import dev.mtl4j.api.graph.SharedLayout;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A network configured but not yet built: its DL4J configuration may still be adjusted (a transfer
 * sets per-layer learning rates here) before {@link #build()} initialises the weights.
 *
 * @param configuration the DL4J configuration
 * @param outputs output layer names, index i belongs to the pipeline's task i
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

    /** Initialises the weights (seeded by the configuration) and returns the network. */
    public CompiledNetwork build() {
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        if (!layout.ties().isEmpty()) {
            graph.addListeners(new ParameterTies(layout.ties()));
        }
        return new CompiledNetwork(graph, outputs, encoderDepths);
    }
}
