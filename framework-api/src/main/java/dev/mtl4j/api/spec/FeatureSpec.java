package dev.mtl4j.api.spec;

import java.util.List;

/**
 * Declares how columns are used as features. A pattern is a column name, or a glob with {@code *}
 * ({@code px*}, {@code *}); a column takes the first spec whose pattern matches it exactly, else the
 * first glob that matches, in declared order.
 *
 * @param pattern a column name or a glob with {@code *}
 * @param type how matching columns are encoded
 * @param levels the ordered levels of an ordinal feature, lowest first; empty for other types
 * @param options how the column is encoded beyond its type (a numeric transform); defaults when null
 */
public record FeatureSpec(String pattern, FeatureType type, List<String> levels, FeatureOptions options) {

    public FeatureSpec {
        options = options == null ? FeatureOptions.DEFAULTS : options;
        SpecException.requireName(pattern, "pattern");
        SpecException.require(type != null, "type", "is required");
        levels = levels == null ? List.of() : List.copyOf(levels);
        if (type == FeatureType.ORDINAL) {
            SpecException.require(levels.size() >= 2, "levels", "an ordinal feature needs at least two levels");
            SpecException.require(!pattern.contains("*"), "pattern", "an ordinal feature names one column, not a glob");
            SpecException.require(levels.stream().distinct().count() == levels.size(), "levels", "lists a level twice");
        } else {
            SpecException.require(levels.isEmpty(), "levels", "only ordinal features have levels");
        }
        options.requireFits(type);
    }

    /** A feature with the default options. */
    public FeatureSpec(String pattern, FeatureType type, List<String> levels) {
        this(pattern, type, levels, FeatureOptions.DEFAULTS);
    }

    public static FeatureSpec of(String pattern, FeatureType type) {
        return new FeatureSpec(pattern, type, List.of());
    }

    public boolean isGlob() {
        return pattern.contains("*");
    }

    /** Whether this spec's pattern matches the column name. */
    public boolean matches(String column) {
        if (!isGlob()) {
            return pattern.equals(column);
        }
        String[] parts = pattern.split("\\*", -1);
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                if (!column.startsWith(part)) {
                    return false;
                }
                at = part.length();
            } else if (i == parts.length - 1) {
                return column.length() - part.length() >= at && column.endsWith(part);
            } else {
                int found = column.indexOf(part, at);
                if (found < 0) {
                    return false;
                }
                at = found + part.length();
            }
        }
        return at == column.length();
    }
}
