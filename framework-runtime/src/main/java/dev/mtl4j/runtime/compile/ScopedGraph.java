package dev.mtl4j.runtime.compile;

import dev.mtl4j.api.graph.GraphScope;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.Layer;

/** {@link GraphScope} over DL4J's GraphBuilder: names are prefixed by the scope path and must be new. */
final class ScopedGraph implements GraphScope {
    private final GraphBuilder builder;
    private final String prefix;
    private final Set<String> taken;
    private final List<String> claimed;
    private final long seed;

    /**
     * @param claimed every vertex added through any scope of this graph, in order (shared by child scopes)
     */
    ScopedGraph(GraphBuilder builder, String prefix, Set<String> taken, List<String> claimed, long seed) {
        this.builder = builder;
        this.prefix = prefix;
        this.taken = taken;
        this.claimed = claimed;
        this.seed = seed;
    }

    @Override
    public String name(String local) {
        if (local == null || local.isBlank() || local.contains("/")) {
            throw new IllegalArgumentException("a local vertex name must be non-blank and without '/': '" + local + "'");
        }
        return prefix.isEmpty() ? local : prefix + "/" + local;
    }

    @Override
    public GraphScope child(String local) {
        return new ScopedGraph(builder, name(local), taken, claimed, seed);
    }

    @Override
    public String addLayer(String local, Layer layer, String... inputs) {
        String name = claim(local, inputs);
        builder.addLayer(name, layer, inputs);
        return name;
    }

    @Override
    public String addVertex(String local, GraphVertex vertex, String... inputs) {
        String name = claim(local, inputs);
        builder.addVertex(name, vertex, inputs);
        return name;
    }

    @Override
    public long seed() {
        return seed;
    }

    private String claim(String local, String... inputs) {
        String name = name(local);
        if (!taken.add(name)) {
            throw new IllegalStateException("vertex '" + name + "' is added twice; give each vertex its own local name");
        }
        claimed.add(name);
        return name;
    }

    /**
     * Checks that every vertex reads vertices that exist. It runs once the network is complete,
     * not on each add, because a strategy may wire a tower to a vertex it adds afterwards.
     */
    void requireInputsExist() {
        builder.getVertexInputs().forEach((vertex, inputs) -> {
            for (String input : inputs) {
                if (!taken.contains(input)) {
                    throw new IllegalStateException("vertex '" + vertex + "' reads '" + input + "', which does not exist");
                }
            }
        });
    }
}
