package dev.mtl4j.api.spi;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.SharedLayout;
import java.util.List;

/**
 * Decides how tasks share parameters: it lays out one or more encoder instances and tells each task
 * which vertex its head reads.
 */
public interface SharingStrategy {

    /**
     * @param scope where to add vertices
     * @param input the network's input vertex
     * @param inputSize its width
     * @param encoder the configured encoder; call {@code build} once per instance wanted
     * @param tasks the task names, in order
     * @return for every task, the vertex its head attaches to
     */
    SharedLayout layout(GraphScope scope, String input, int inputSize, Encoder encoder, List<String> tasks);
}
