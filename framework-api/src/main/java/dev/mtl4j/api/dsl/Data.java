package dev.mtl4j.api.dsl;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.FeatureSpec;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TransferDataSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the {@code data:} section: a source, feature declarations, dropped columns and the split. */
public final class Data {
    private ComponentSpec source;
    private final List<FeatureSpec> features = new ArrayList<>();
    private final List<String> drop = new ArrayList<>();
    private SplitSpec split = SplitSpec.defaults();
    private UnseenCategory unseen = UnseenCategory.ERROR;

    private Data(ComponentSpec source) {
        this.source = source;
    }

    /** Rows from a CSV file with a header line; a relative path is resolved against the working directory. */
    public static Data csv(String path) {
        return new Data(ComponentSpec.of("csv").with("path", path));
    }

    /** Rows from any data-set plugin. */
    public static Data from(ComponentSource source) {
        return new Data(source.toSpec());
    }

    /** Sets a parameter of the source (for csv: delimiter, ...). */
    public Data option(String name, Object value) {
        source = source.with(name, value);
        return this;
    }

    /** Columns (names or globs like {@code px*}) used as standardised numbers. */
    public Data numeric(String... patterns) {
        return declare(FeatureType.NUMERIC, patterns);
    }

    /** Columns (names or globs like {@code *}) used as one-hot categories. */
    public Data categorical(String... patterns) {
        return declare(FeatureType.CATEGORICAL, patterns);
    }

    /**
     * Columns (names or globs) of raw text, read by a text encoder ({@code bag-of-words},
     * {@code minilm}, {@code embedding}); several text columns of a row are joined, in file order,
     * with a line break between them.
     */
    public Data text(String... patterns) {
        return declare(FeatureType.TEXT, patterns);
    }

    /** One ordered categorical column with its levels, lowest first. */
    public Data ordinal(String column, String... levels) {
        features.add(new FeatureSpec(column, FeatureType.ORDINAL, Arrays.asList(levels)));
        return this;
    }

    /** Columns never used as features (e.g. one that leaks a label). */
    public Data drop(String... columns) {
        drop.addAll(Arrays.asList(columns));
        return this;
    }

    /** A random split holding out {@code testFraction} of the rows for test. */
    public Data split(double testFraction, long seed) {
        split = new SplitSpec(testFraction, split.validation(), seed, null, split.limit());
        return this;
    }

    /** Split by a column whose cells say train, validation or test. */
    public Data splitColumn(String column) {
        split = new SplitSpec(0, split.validation(), split.seed(), column, split.limit());
        return this;
    }

    /** Hold out this fraction of the training rows for validation (early stopping, per-epoch metrics). */
    public Data validation(double fraction) {
        split = split.withValidation(fraction);
        return this;
    }

    /** Train on at most {@code rows} of the training rows (a seeded sample): few-label experiments. */
    public Data limit(int rows) {
        split = split.withLimit(rows);
        return this;
    }

    /** What a categorical feature does with a value not seen in training. */
    public Data unseen(UnseenCategory policy) {
        unseen = policy;
        return this;
    }

    DataSpec build() {
        return new DataSpec(source, features, drop, split, unseen);
    }

    /** For a transfer pipeline, whose features come from the source model: only the source and split. */
    TransferDataSpec buildForTransfer() {
        if (!features.isEmpty() || !drop.isEmpty() || unseen != UnseenCategory.ERROR) {
            throw new dev.mtl4j.api.spec.SpecException("data", "a transfer pipeline takes its features from the source model;"
                    + " give only the source and the split");
        }
        return new TransferDataSpec(source, split);
    }

    private Data declare(FeatureType type, String... patterns) {
        for (String pattern : patterns) {
            features.add(FeatureSpec.of(pattern, type));
        }
        return this;
    }
}
