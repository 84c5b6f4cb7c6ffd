package dev.mtl4j.runtime.train;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Whether a network has regularization terms (weight decay) in its loss. */
final class Regularization {
    private Regularization() {
    }

    static boolean any(ComputationGraph graph) {
        return Arrays.stream(graph.getLayers()).anyMatch(layer -> layer.conf().getLayer() instanceof BaseLayer base
                && (!base.getRegularization().isEmpty() || !base.getRegularizationBias().isEmpty()));
    }
}
