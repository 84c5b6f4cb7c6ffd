package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.TargetRequest;
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
            heads.put(task.name(), resolver.create(Family.HEAD, task.head(), "tasks." + task.name() + ".head"));
        }
        return new PipelineComponents(resolver.create(Family.ENCODER, spec.encoder(), "encoder"), resolver.create(Family.SHARING, spec.sharing(), "sharing"),
                heads);
    }

    /** The encoder when it featurises text columns itself, else null. */
    public TextEncoder textEncoder() {
        return encoder instanceof TextEncoder text ? text : null;
    }

    /**
     * The encoder that builds the network: a text encoder's layers depend on its fitted featurisation
     * (width, vocabulary size), so it is bound to {@code text}; any other encoder is itself.
     *
     * @param text the fitted text featurisation, or null when the input has no text
     */
    public Encoder encoderOver(FittedText text) {
        return encoder instanceof TextEncoder textEncoder && text != null ? textEncoder.over(text) : encoder;
    }

    /** What each task's head asks of its label encoding: kind, positive value, class order. */
    public Map<String, TargetRequest> targetRequests() {
        Map<String, TargetRequest> requests = new LinkedHashMap<>();
        heads.forEach((task, head) -> requests.put(task, TargetRequest.of(head)));
        return requests;
    }

    /** What each task's labels are, as its head says. */
    public Map<String, TargetKind> targetKinds() {
        Map<String, TargetKind> kinds = new LinkedHashMap<>();
        heads.forEach((task, head) -> kinds.put(task, head.targetKind()));
        return kinds;
    }
}
