package dev.mtl4j.api.spec;

/**
 * The data of a transfer pipeline: where the new rows come from and how they are split. Which
 * columns are features, and how they are encoded, comes from the source model, so the new data
 * reaches the pretrained encoder exactly as the source's data did.
 *
 * @param source the data-set component that reads the rows
 * @param split how rows are split (with {@code limit} for few-label runs)
 * @param target unlabelled rows of the target domain for a domain-adaptation strategy, or null
 */
public record TransferDataSpec(ComponentSpec source, SplitSpec split, TargetDataSpec target) {

    public TransferDataSpec {
        SpecException.require(source != null, "source", "is required");
        split = split == null ? SplitSpec.defaults() : split;
    }

    /** Data without target-domain rows. */
    public TransferDataSpec(ComponentSpec source, SplitSpec split) {
        this(source, split, null);
    }
}
