package dev.mtl4j.api.graph;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The narrow view of a network under construction that components write into. Every name a
 * component gives is local: the scope prefixes it ({@code encoder/dense_0}), so two components, or
 * two instances of one, never fight over vertex names. Adding a name twice is an error.
 */
public interface GraphScope {

    /** The full vertex name a local name gets in this scope. */
    String name(String local);

    /** A nested scope: {@code child("tower_1")} names vertices {@code <this>/tower_1/...}. */
    GraphScope child(String local);

    /**
     * Adds a layer reading the given vertices (full names); returns its full name. An input may be
     * added later (a sharing strategy that rewires towers, such as cross-stitch, needs that); every
     * input must exist once the network is complete, and a missing one is reported then.
     */
    String addLayer(String local, Layer layer, String... inputs);

    /** Adds a non-layer vertex (merge, element-wise, ...) reading the given vertices; returns its full name. */
    String addVertex(String local, GraphVertex vertex, String... inputs);

    /** The pipeline's seed, for components that draw random numbers of their own. */
    long seed();
}
