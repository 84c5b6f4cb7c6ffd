package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.TargetKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a task's head asks of its label encoding: the target kind and, for BINARY, which value is
 * positive.
 *
 * @param kind the target kind
 * @param positive the value encoded 1, or null for the default
 */
public record TargetRequest(TargetKind kind, String positive) {

    public TargetRequest {
        if (kind == null) {
            throw new IllegalArgumentException("a target request needs a kind");
        }
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
        return new TargetRequest(head.targetKind(), head.positiveClass());
    }
}
