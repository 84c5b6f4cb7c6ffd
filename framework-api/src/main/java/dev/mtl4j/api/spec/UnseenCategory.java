package dev.mtl4j.api.spec;

import java.util.Locale;

/** What a categorical feature does with a value the training split never showed. */
public enum UnseenCategory {
    /** Stop with an error naming the file, row and column. */
    ERROR,
    /** Map it to an extra "other" slot that every categorical feature then carries. */
    OTHER;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UnseenCategory parse(String text) {
        for (UnseenCategory value : values()) {
            if (value.yamlName().equals(text)) {
                return value;
            }
        }
        throw new SpecException("unseen", "must be one of error, other, got '" + text + "'");
    }
}
