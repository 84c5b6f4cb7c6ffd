package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.graph.SharedBody;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.SharingStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoder's frozen body once; over it, one trainable top per adapter set — by default one per
 * task (Houlsby et al. 2019: a pretrained model shared, a few parameters per task). The body's
 * weights do not train, so tasks cannot pull it apart, and a model file stores only the tops.
 */
final class TaskAdapters implements SharingStrategy {
    private final TaskAdaptersConfig config;

    TaskAdapters(TaskAdaptersConfig config) {
        this.config = config;
    }

    @Override
    public SharedLayout layout(GraphScope scope, String input, int inputSize, Encoder encoder, List<String> tasks) {
        for (String named : config.sets().keySet()) {
            if (!tasks.contains(named)) {
                throw new SpecException("sets." + named, "names no task of this pipeline; its tasks are " + tasks);
            }
        }
        SharedBody body = encoder.sharedBody(scope.child("encoder"), input, inputSize);
        if (body == null) {
            throw new SpecException("type", "task-adapters gives each task its own trainable top over a frozen pretrained"
                    + " body, and this encoder has none: use encoder type transformer with tuning lora or adapter (or full"
                    + " with tunedLayers below depth)");
        }
        Map<String, LayerStack> tops = new LinkedHashMap<>();
        Map<String, SharedLayout.Attachment> attachments = new LinkedHashMap<>();
        for (String task : tasks) {
            Integer set = config.sets().get(task);
            String name = set == null ? task : "set_" + set;
            LayerStack top = tops.computeIfAbsent(name, n -> body.top().build(scope.child(n), body.vertex(), body.size()));
            attachments.put(task, new SharedLayout.Attachment(top.output(), top.outputSize()));
        }
        return new SharedLayout(attachments);
    }
}
