package dev.mtl4j.api.spec;

import java.util.List;

/**
 * Where the rows come from and how their columns become features. Label columns are named by the
 * tasks and are never features; {@code drop} removes further columns (for instance one that leaks a
 * label).
 *
 * <p>When tasks bring their own data sets ({@link TaskSpec#data()}), the features declared here
 * apply to every task's file, and {@code source} may be null if every task has its own data.
 *
 * @param source the data-set component that reads the rows ({@code csv}); null when every task
 *     names its own data set
 * @param features feature declarations, matched in order; a column no declaration matches is unused
 * @param drop columns never used as features even when a pattern matches them
 * @param split how rows are split into train, validation and test
 * @param unseen what a categorical feature does with a value unseen in training
 * @param target unlabelled rows of the target domain for a domain-adaptation strategy, or null
 */
public record DataSpec(ComponentSpec source, List<FeatureSpec> features, List<String> drop, SplitSpec split,
                       UnseenCategory unseen, TargetDataSpec target) {

    public DataSpec {
        features = List.copyOf(features);
        SpecException.require(!features.isEmpty(), "features", "declare at least one feature column or pattern");
        SpecException.require(features.stream().map(FeatureSpec::pattern).distinct().count() == features.size(),
                "features", "declares a pattern twice");
        drop = drop == null ? List.of() : List.copyOf(drop);
        split = split == null ? SplitSpec.defaults() : split;
        unseen = unseen == null ? UnseenCategory.ERROR : unseen;
    }

    /** Data without target-domain rows. */
    public DataSpec(ComponentSpec source, List<FeatureSpec> features, List<String> drop, SplitSpec split,
                    UnseenCategory unseen) {
        this(source, features, drop, split, unseen, null);
    }

    /** The same data with more columns dropped (those already dropped are kept once). */
    public DataSpec withDropped(List<String> columns) {
        List<String> all = new java.util.ArrayList<>(drop);
        columns.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return new DataSpec(source, features, all, split, unseen, target);
    }
}
