package dev.mtl4j.api.graph;

import java.util.List;

/**
 * The vertices an encoder added, bottom first, with each one's output width. The last is the
 * encoder's output. Sharing strategies that attach tasks at different depths, and transfer
 * strategies that freeze the lowest layers, read it.
 *
 * @param vertices full vertex names, bottom first
 * @param sizes the output width of each vertex
 */
public record LayerStack(List<String> vertices, List<Integer> sizes) {

    public LayerStack {
        vertices = List.copyOf(vertices);
        sizes = List.copyOf(sizes);
        if (vertices.isEmpty() || vertices.size() != sizes.size()) {
            throw new IllegalArgumentException("a layer stack needs one size per vertex, and at least one vertex");
        }
    }

    public String output() {
        return vertices.get(vertices.size() - 1);
    }

    public int outputSize() {
        return sizes.get(sizes.size() - 1);
    }

    public int depth() {
        return vertices.size();
    }
}
