package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.TargetKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task's head asks of its label encoding: the target kind and, for BINARY, which value is
 * positive, for ORDINAL, the classes in order.
 *
 * @param kind the target kind
 * @param positive the value encoded 1, or null for the default
 * @param order ORDINAL: the classes lowest first, or empty for numeric order
 * @param threshold BINARY: the probability above which the positive value is predicted
 * @param thresholdChoice BINARY: the validation metric that chooses the threshold after training ({@code f1}), or null
 */
public record TargetRequest(TargetKind kind, String positive, List<String> order, double threshold, String thresholdChoice) {

    public TargetRequest {
        if (kind == null) {
            throw new IllegalArgumentException("a target request needs a kind");
        }
        order = order == null ? List.of() : List.copyOf(order);
    }

    public TargetRequest(TargetKind kind, String positive) {
        this(kind, positive, List.of(), TargetEncoder.DEFAULT_THRESHOLD, null);
    }

    /** The kind's defaults. */
    public static TargetRequest of(TargetKind kind) {
        return new TargetRequest(kind, null);
    }

    /** Each task's kind with its defaults. */
    public static Map<String, TargetRequest> defaults(Map<String, TargetKind> kinds) {
        Map<String, TargetRequest> requests = new LinkedHashMap<>();
        kinds.forEach((task, kind) -> requests.put(task, of(kind)));
        return requests;
    }

    /** What {@code head} asks. */
    public static TargetRequest of(Head head) {
        return new TargetRequest(head.targetKind(), head.positiveClass(), head.classOrder(), head.decisionThreshold(),
                head.thresholdChoice());
    }
}
