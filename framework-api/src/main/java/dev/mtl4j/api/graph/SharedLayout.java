package dev.mtl4j.api.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each task's head attaches: a vertex and its width, per task name.
 *
 * @param attachments task name to the vertex its head reads
 */
public record SharedLayout(Map<String, Attachment> attachments) {

    public SharedLayout {
        attachments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
    }

    public Attachment of(String task) {
        Attachment attachment = attachments.get(task);
        if (attachment == null) {
            throw new IllegalStateException("the sharing strategy gave task '" + task + "' no attachment");
        }
        return attachment;
    }

    /**
     * @param vertex the full vertex name
     * @param size its output width
     */
    public record Attachment(String vertex, int size) {
    }
}
