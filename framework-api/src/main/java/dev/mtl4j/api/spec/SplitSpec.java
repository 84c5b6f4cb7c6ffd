package dev.mtl4j.api.spec;

import java.util.List;

/**
 * How rows are divided into training, validation and test rows: either at random by fraction under
 * a seed, or by a split column whose cells say {@code train}, {@code validation} or {@code test}.
 * The validation fraction is taken from the training rows in both cases, unless the split column
 * already names validation rows.
 *
 * @param test the fraction of rows held out for test, in [0, 1); ignored when {@code column} is set
 * @param validation the fraction of training rows held out for validation, in [0, 1)
 * @param seed the seed of the random split
 * @param column the split column, or null for a random split
 * @param limit at most this many training rows (a seeded sample of them, for few-label runs); 0 for all
 * @param stratify columns whose values (jointly) every part of a random split keeps in proportion,
 *     usually a task's label column; empty for a plain random split
 */
public record SplitSpec(double test, double validation, long seed, String column, int limit, List<String> stratify) {

    public static final double DEFAULT_TEST = 0.2;
    public static final long DEFAULT_SEED = 42;

    public SplitSpec {
        SpecException.require(test >= 0 && test < 1, "test", "must be in [0, 1), got " + test);
        SpecException.require(validation >= 0 && validation < 1, "validation", "must be in [0, 1), got " + validation);
        SpecException.require(test + validation < 1, "validation", "test + validation must leave training rows");
        SpecException.require(column == null || !column.isBlank(), "column", "must not be blank");
        SpecException.require(limit >= 0, "limit", "must be >= 0 (0: every training row), got " + limit);
        stratify = List.copyOf(stratify);
        SpecException.require(column == null || stratify.isEmpty(), "stratify",
                "is for a random split; with a split column, the column decides each row's part");
        SpecException.require(stratify.stream().noneMatch(String::isBlank), "stratify", "must name columns, got " + stratify);
        SpecException.require(new java.util.HashSet<>(stratify).size() == stratify.size(), "stratify",
                "names a column twice: " + stratify);
    }

    public SplitSpec(double test, double validation, long seed, String column, int limit) {
        this(test, validation, seed, column, limit, List.of());
    }

    public SplitSpec(double test, double validation, long seed, String column) {
        this(test, validation, seed, column, 0);
    }

    public static SplitSpec random(double test, long seed) {
        return new SplitSpec(test, 0, seed, null);
    }

    public static SplitSpec byColumn(String column) {
        return new SplitSpec(0, 0, DEFAULT_SEED, column);
    }

    public static SplitSpec defaults() {
        return random(DEFAULT_TEST, DEFAULT_SEED);
    }

    public SplitSpec withValidation(double fraction) {
        return new SplitSpec(test, fraction, seed, column, limit, stratify);
    }

    /** The same split keeping at most {@code rows} training rows. */
    public SplitSpec withLimit(int rows) {
        return new SplitSpec(test, validation, seed, column, rows, stratify);
    }

    /** The same random split, keeping the values of {@code columns} (jointly) in proportion in every part. */
    public SplitSpec withStratify(List<String> columns) {
        return new SplitSpec(test, validation, seed, column, limit, columns);
    }
}
