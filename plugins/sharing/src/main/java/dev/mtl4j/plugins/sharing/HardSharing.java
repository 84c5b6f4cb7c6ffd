package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.SharingStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One encoder instance; every head attaches to its output (the "shared bottom"). */
final class HardSharing implements SharingStrategy {

    @Override
    public SharedLayout layout(GraphScope scope, String input, int inputSize, Encoder encoder, List<String> tasks) {
        LayerStack shared = encoder.build(scope.child("encoder"), input, inputSize);
        Map<String, SharedLayout.Attachment> attachments = new LinkedHashMap<>();
        for (String task : tasks) {
            attachments.put(task, new SharedLayout.Attachment(shared.output(), shared.outputSize()));
        }
        return new SharedLayout(attachments);
    }
}
