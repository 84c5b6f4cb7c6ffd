package dev.mtl4j.api.spi;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;

/** A configured encoder: it writes its layers into a graph and says where its output is. */
public interface Encoder {

    /**
     * Adds the encoder's layers to the graph.
     *
     * @param scope where to add vertices; names are scoped so several instances never collide
     * @param input the vertex the encoder reads
     * @param inputSize the width of that vertex
     * @return the encoder's layers, bottom first; the last one is its output
     */
    LayerStack build(GraphScope scope, String input, int inputSize);
}
