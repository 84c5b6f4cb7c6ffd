package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.SharingStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One encoder; each task's head reads the depth the task names, so low-level tasks supervise the
 * lower layers and high-level tasks the top (Søgaard and Goldberg 2016).
 */
final class HierarchicalSharing implements SharingStrategy {
    private final HierarchicalSharingConfig config;

    HierarchicalSharing(HierarchicalSharingConfig config) {
        this.config = config;
    }

    @Override
    public SharedLayout layout(GraphScope scope, String input, int inputSize, Encoder encoder, List<String> tasks) {
        for (String named : config.at().keySet()) {
            if (!tasks.contains(named)) {
                throw new SpecException("at." + named, "names no task of this pipeline; its tasks are " + tasks);
            }
        }
        LayerStack stack = encoder.build(scope.child("encoder"), input, inputSize);
        Map<String, SharedLayout.Attachment> attachments = new LinkedHashMap<>();
        for (String task : tasks) {
            int depth = config.at().getOrDefault(task, stack.depth());
            if (depth > stack.depth()) {
                throw new SpecException("at." + task, "task '" + task + "' attaches at depth " + depth
                        + ", but the encoder has " + stack.depth() + " layer" + (stack.depth() == 1 ? "" : "s")
                        + " (depths 1 to " + stack.depth() + ")");
            }
            attachments.put(task, new SharedLayout.Attachment(stack.vertices().get(depth - 1), stack.sizes().get(depth - 1)));
        }
        return new SharedLayout(attachments);
    }
}
