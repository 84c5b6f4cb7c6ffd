package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.graph.GraphScope;
import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.Layer;

/** A scope that passes everything through, except that reads of some vertices go to replacements. */
final class RewiringScope implements GraphScope {
    private final GraphScope real;
    private final Map<String, String> replacements;

    RewiringScope(GraphScope real, Map<String, String> replacements) {
        this.real = real;
        this.replacements = Map.copyOf(replacements);
    }

    @Override
    public String name(String local) {
        return real.name(local);
    }

    @Override
    public GraphScope child(String local) {
        return new RewiringScope(real.child(local), replacements);
    }

    @Override
    public String addLayer(String local, Layer layer, String... inputs) {
        return real.addLayer(local, layer, rewired(inputs));
    }

    @Override
    public String addVertex(String local, GraphVertex vertex, String... inputs) {
        return real.addVertex(local, vertex, rewired(inputs));
    }

    @Override
    public long seed() {
        return real.seed();
    }

    private String[] rewired(String[] inputs) {
        return Arrays.stream(inputs).map(input -> replacements.getOrDefault(input, input)).toArray(String[]::new);
    }
}
