package dev.mtl4j.runtime.compile;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A network ready to train: the initialised graph and, in task order, each task's output layer.
 *
 * @param graph the DL4J network
 * @param outputs output layer names, index i belongs to the pipeline's task i
 * @param encoderDepths the encoder's vertices per depth, bottom first
 */
public record CompiledNetwork(ComputationGraph graph, List<String> outputs, List<List<String>> encoderDepths) {

    public CompiledNetwork {
        outputs = List.copyOf(outputs);
        encoderDepths = List.copyOf(encoderDepths);
    }
}
