package dev.mtl4j.runtime.train;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Measures something more than the tasks' metrics after each epoch (a domain classifier's accuracy):
 * its entries join the epoch's metrics, reported and kept in the history like a task's.
 */
@FunctionalInterface
public interface EpochProbe {

    /** Name (shown like a task's) to metric to value. */
    Map<String, Map<String, Double>> measure(ComputationGraph graph);
}
