package dev.mtl4j.runtime.compile;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.graph.SharedBody;
import dev.mtl4j.api.spi.Encoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the encoder a sharing strategy builds, and records which vertices make up each depth of it.
 * An encoder's {@link LayerStack} names one vertex per depth; every vertex it adds on the way to
 * that one (dropout, a residual block's inner layers) belongs to the same depth. Transfer strategies
 * freeze and pace the encoder by depth, so they reach every parameter of it, whatever the encoder.
 */
final class DepthRecorder implements Encoder {
    private final Encoder encoder;
    private final List<String> claimed;
    private final List<List<String>> depths = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    DepthRecorder(Encoder encoder, List<String> claimed) {
        this.encoder = encoder;
        this.claimed = claimed;
    }

    @Override
    public LayerStack build(GraphScope scope, String input, int inputSize) {
        return record(encoder, scope, input, inputSize);
    }

    /** The body is frozen and belongs to no depth; each upper part built over it is recorded as an instance. */
    @Override
    public SharedBody sharedBody(GraphScope scope, String input, int inputSize) {
        SharedBody body = encoder.sharedBody(scope, input, inputSize);
        return body == null ? null : new SharedBody(body.vertex(), body.size(),
                (towerScope, towerInput, towerSize) -> record(body.top(), towerScope, towerInput, towerSize));
    }

    private LayerStack record(Encoder builder, GraphScope scope, String input, int inputSize) {
        int start = claimed.size();
        LayerStack stack = builder.build(scope, input, inputSize);
        if (names.isEmpty()) {
            names.addAll(stack.vertices());
        }
        int depth = 0;
        for (String vertex : List.copyOf(claimed.subList(start, claimed.size()))) {
            while (depths.size() <= depth) {
                depths.add(new ArrayList<>());
            }
            depths.get(depth).add(vertex);
            if (depth < stack.depth() - 1 && vertex.equals(stack.vertices().get(depth))) {
                depth++;
            }
        }
        return stack;
    }

    /** Each depth's name: the first instance's layer-stack vertex at that depth, bottom first. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** Vertex names per depth, bottom first, over every instance the sharing strategy built. */
    List<List<String>> depths() {
        return depths.stream().map(List::copyOf).toList();
    }
}
