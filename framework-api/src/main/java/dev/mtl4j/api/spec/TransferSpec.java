package dev.mtl4j.api.spec;

import java.util.List;

/**
 * Where a transfer starts and how it treats the source model.
 *
 * @param from the source model file (a model.zip written by training); relative to the pipeline file
 * @param strategy the transfer strategy component ({@code fine-tune}, {@code feature-extraction}, ...)
 * @param keep source tasks whose heads come along and go on training beside the new tasks
 */
public record TransferSpec(String from, ComponentSpec strategy, List<String> keep) {

    public TransferSpec {
        SpecException.requireName(from, "from");
        SpecException.require(strategy != null, "strategy", "is required");
        keep = keep == null ? List.of() : List.copyOf(keep);
        SpecException.require(keep.stream().distinct().count() == keep.size(), "keep", "names a task twice");
    }
}
