package dev.mtl4j.runtime.transfer;

import dev.mtl4j.runtime.compile.NetworkBlueprint;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * How a network starts: from the seeded initialisation, or from a source model (its per-depth
 * learning rates set in the configuration, then its parameters copied in).
 */
public interface NetworkStart {

    /** The seeded initialisation, unchanged. */
    NetworkStart FRESH = new NetworkStart() {
        @Override
        public void adjust(NetworkBlueprint blueprint) {
        }

        @Override
        public void copyInto(NetworkBlueprint blueprint, ComputationGraph graph) {
        }
    };

    /** Adjusts the configuration before the weights are made. */
    void adjust(NetworkBlueprint blueprint);

    /** Copies the starting parameters into the network built from {@code blueprint}. */
    void copyInto(NetworkBlueprint blueprint, ComputationGraph graph);
}
