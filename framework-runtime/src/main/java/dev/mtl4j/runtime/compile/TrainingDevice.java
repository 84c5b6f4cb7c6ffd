package dev.mtl4j.runtime.compile;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.SharedLayout;

/**
 * Layers a network carries while it trains and loses before it is saved (a domain classifier, a
 * CORAL loss): added after the task heads, ending in one more output of the network.
 */
@FunctionalInterface
public interface TrainingDevice {

    /** The scope every device vertex is added under: {@code device/...}. */
    String SCOPE = "device";

    /**
     * @param scope where to add the device's vertices
     * @param layout where the sharing strategy attached each task
     * @return the device's output layer
     */
    String build(GraphScope scope, SharedLayout layout);
}
