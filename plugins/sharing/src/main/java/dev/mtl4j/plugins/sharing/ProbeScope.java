package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.graph.GraphScope;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A scope that names vertices exactly as the real scope would but adds nothing: building an encoder
 * into it reveals the names of its layer stack before the real build, so a strategy can rewire the
 * real build (cross-stitch reads each layer's mixed output instead of the layer's own).
 */
final class ProbeScope implements GraphScope {
    private final GraphScope real;

    ProbeScope(GraphScope real) {
        this.real = real;
    }

    @Override
    public String name(String local) {
        return real.name(local);
    }

    @Override
    public GraphScope child(String local) {
        return new ProbeScope(real.child(local));
    }

    @Override
    public String addLayer(String local, Layer layer, String... inputs) {
        return real.name(local);
    }

    @Override
    public String addVertex(String local, GraphVertex vertex, String... inputs) {
        return real.name(local);
    }

    @Override
    public long seed() {
        return real.seed();
    }
}
