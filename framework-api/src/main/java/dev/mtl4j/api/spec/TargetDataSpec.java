package dev.mtl4j.api.spec;

/**
 * Rows of the target domain for domain adaptation: data from the distribution the model will meet
 * (this year's mail, another shop's reviews), read with the pipeline's features. Its training rows
 * are used without their labels; its test rows, when the file has the tasks' label columns, measure
 * each task on the target domain.
 *
 * @param source the data-set component that reads the rows
 * @param split divides the rows into unlabelled training rows and labelled test rows (no validation rows)
 */
public record TargetDataSpec(ComponentSpec source, SplitSpec split) {

    public TargetDataSpec {
        SpecException.require(source != null, "source", "is required");
        split = split == null ? SplitSpec.defaults() : split;
        SpecException.require(split.validation() == 0, "split.validation",
                "a target's rows are split into unlabelled training rows and labelled test rows only; remove it");
    }
}
