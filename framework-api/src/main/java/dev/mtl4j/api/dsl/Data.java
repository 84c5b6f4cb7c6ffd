package dev.mtl4j.api.dsl;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.FeatureOptions;
import dev.mtl4j.api.spec.FeatureSpec;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.NumericTransform;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TargetDataSpec;
import dev.mtl4j.api.spec.TaskDataSpec;
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
    private final java.util.Map<String, String> rename = new java.util.LinkedHashMap<>();
    private SplitSpec split = SplitSpec.defaults();
    private UnseenCategory unseen = UnseenCategory.ERROR;
    private TargetDataSpec target;

    private Data(ComponentSpec source) {
        this.source = source;
    }

    /** Rows from a CSV file with a header line; a relative path is resolved against the working directory. */
    public static Data csv(String path) {
        return new Data(ComponentSpec.of("csv").with("path", path));
    }

    /**
     * Feature declarations without rows, for a pipeline whose every task brings its own data set
     * ({@code .task(..).data(Data.csv(..))}): {@code Data.features().numeric("px*")}.
     */
    public static Data features() {
        return new Data(null);
    }

    /** Rows from any data-set plugin. */
    public static Data from(ComponentSource source) {
        return new Data(source.toSpec());
    }

    /** Sets a parameter of the source (for csv: delimiter, ...). */
    public Data option(String name, Object value) {
        if (source == null) {
            throw new dev.mtl4j.api.spec.SpecException("data.source", "Data.features() has no source to set '" + name + "' on");
        }
        source = source.with(name, value);
        return this;
    }

    /** Columns (names or globs like {@code px*}) used as standardised numbers. */
    public Data numeric(String... patterns) {
        return declare(FeatureType.NUMERIC, patterns);
    }

    /**
     * Columns (names or globs) used as numbers mapped by {@code transform} ({@code log},
     * {@code quantile}, {@code robust} or {@code standard}), fitted on the training rows: YAML's
     * {@code AMOUNT: { type: numeric, transform: log }}.
     */
    public Data numeric(NumericTransform transform, String... patterns) {
        for (String pattern : patterns) {
            features.add(new FeatureSpec(pattern, FeatureType.NUMERIC, List.of(),
                    new FeatureOptions(transform)));
        }
        return this;
    }

    /**
     * Columns (names or globs) of {@code type} with encoding options: a transform, a numeric
     * embedding ({@code FeatureOptions.embedded(NumericEmbedding.PLR)}), or categories embedded above
     * a number of values ({@code FeatureOptions.embeddedAbove(20, 8)}); YAML's
     * {@code COL: { type: ..., embedding: plr }}.
     */
    public Data feature(FeatureType type, FeatureOptions options, String... patterns) {
        for (String pattern : patterns) {
            features.add(new FeatureSpec(pattern, type, List.of(), options));
        }
        return this;
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

    /** One ordered categorical column with options (a numeric embedding of its rank) and its levels, lowest first. */
    public Data ordinal(String column, FeatureOptions options, String... levels) {
        features.add(new FeatureSpec(column, FeatureType.ORDINAL, Arrays.asList(levels), options));
        return this;
    }

    /** Columns never used as features (e.g. one that leaks a label). */
    /**
     * For a task's own data set: reads this file's {@code column} as {@code name}, so files that call
     * the shared input differently ({@code review}, {@code body}) feed the same feature.
     */
    public Data rename(String column, String name) {
        rename.put(column, name);
        return this;
    }

    public Data drop(String... columns) {
        drop.addAll(Arrays.asList(columns));
        return this;
    }

    /** A random split holding out {@code testFraction} of the rows for test. */
    public Data split(double testFraction, long seed) {
        split = new SplitSpec(testFraction, split.validation(), seed, null, split.limit(), split.stratify());
        return this;
    }

    /** Split by a column whose cells say train, validation or test. */
    public Data splitColumn(String column) {
        split = new SplitSpec(0, split.validation(), split.seed(), column, split.limit());
        return this;
    }

    /**
     * Keep the values of these columns (jointly, usually a task's label column) in proportion in the
     * training, validation and test rows of the random split.
     */
    public Data stratify(String... columns) {
        split = split.withStratify(Arrays.asList(columns));
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

    /**
     * Unlabelled rows of the target domain, for a domain-adaptation strategy: a source and a split
     * ({@code Data.csv("this_year.csv").split(0.5, 7)}); their features are this data's. The split's
     * test rows measure the tasks on the target domain when the file has their labels.
     */
    public Data target(Data rows) {
        if (rows.source == null || !rows.features.isEmpty() || !rows.drop.isEmpty() || !rows.rename.isEmpty()
                || rows.unseen != UnseenCategory.ERROR || rows.target != null) {
            throw new dev.mtl4j.api.spec.SpecException("data.target", "give the target rows only a source and a split,"
                    + " e.g. Data.csv(\"target.csv\").split(0.5, 7); their features are the pipeline's");
        }
        try {
            target = new TargetDataSpec(rows.source, rows.split);
        } catch (dev.mtl4j.api.spec.SpecException e) {
            throw e.under("data.target");
        }
        return this;
    }

    DataSpec build() {
        if (!rename.isEmpty()) {
            throw new dev.mtl4j.api.spec.SpecException("data.rename", "renames columns of a task's own data set; "
                    + "the pipeline's data uses its columns' own names");
        }
        return new DataSpec(source, features, drop, split, unseen, target);
    }

    /** For a transfer pipeline, whose features come from the source model: only the source and split. */
    TransferDataSpec buildForTransfer() {
        if (!features.isEmpty() || !drop.isEmpty() || !rename.isEmpty() || unseen != UnseenCategory.ERROR) {
            throw new dev.mtl4j.api.spec.SpecException("data", "a transfer pipeline takes its features from the source model;"
                    + " give only the source and the split");
        }
        return new TransferDataSpec(source, split, target);
    }

    /** For a task's own data set: the source, split and dropped columns; features are the pipeline's. */
    TaskDataSpec buildForTask(String task) {
        if (!features.isEmpty() || unseen != UnseenCategory.ERROR || target != null) {
            throw new dev.mtl4j.api.spec.SpecException("tasks." + task + ".data", "features are declared once, on the"
                    + " pipeline's data; give a task only its source, split and dropped columns");
        }
        if (source == null) {
            throw new dev.mtl4j.api.spec.SpecException("tasks." + task + ".data.source", "is required, e.g. Data.csv(\"file.csv\")");
        }
        return new TaskDataSpec(source, split, drop, rename);
    }

    private Data declare(FeatureType type, String... patterns) {
        for (String pattern : patterns) {
            features.add(FeatureSpec.of(pattern, type));
        }
        return this;
    }
}
