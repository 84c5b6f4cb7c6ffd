package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.TargetKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pipeline's network components, configured: the encoder, the sharing strategy and each task's
 * head (by task name, in task order). Resolving them first reports configuration mistakes before
 * any data is read.
 *
 * @param encoder the encoder
 * @param sharing the sharing strategy
 * @param heads each task's head
 */
public record PipelineComponents(Encoder encoder, SharingStrategy sharing, Map<String, Head> heads) {

    public static PipelineComponents resolve(ComponentResolver resolver, PipelineSpec spec) {
        Map<String, Head> heads = new LinkedHashMap<>();
        for (TaskSpec task : spec.tasks()) {
            heads.put(task.name(), resolver.head(task.head(), "tasks." + task.name() + ".head"));
        }
        return new PipelineComponents(resolver.encoder(spec.encoder(), "encoder"), resolver.sharing(spec.sharing(), "sharing"),
                heads);
    }

    /** What each task's labels are, as its head says. */
    public Map<String, TargetKind> targetKinds() {
        Map<String, TargetKind> kinds = new LinkedHashMap<>();
        heads.forEach((task, head) -> kinds.put(task, head.targetKind()));
        return kinds;
    }
}
