package dev.mtl4j.api.spi;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.graph.SharedBody;

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

    /**
     * For an encoder whose lower part does not train: adds that part once and returns it with the
     * encoder of the rest, so that a sharing strategy gives each task its own trainable upper part
     * over one frozen body (per-task adapters over a pretrained transformer). The default, for
     * encoders without such a part, adds nothing and returns null.
     *
     * @param scope where to add the body's vertices
     * @param input the vertex the encoder reads
     * @param inputSize the width of that vertex
     * @return the body and the encoder of the rest, or null when this encoder has no frozen body
     */
    default SharedBody sharedBody(GraphScope scope, String input, int inputSize) {
        return null;
    }
}
