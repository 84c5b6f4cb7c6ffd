package dev.mtl4j.runtime.embed;

/**
 * How one network input is embedded before the encoder: passed through as it is, a numeric
 * embedding (Gorishniy et al. 2022) of its number, or a learned row per category, read from the
 * input's category index.
 *
 * @param kind what is done with the input
 * @param size the embedding's width (1 for {@link Kind#PASS})
 * @param frequencies periodic and plr: trainable frequencies (0 otherwise)
 * @param sigma periodic and plr: the standard deviation of the frequencies' start (0 otherwise)
 * @param vocabulary lookup: rows of the table, the out-of-vocabulary row 0 included (0 otherwise)
 */
public record ColumnEmbedding(Kind kind, int size, int frequencies, double sigma, int vocabulary) {
    /** An input passed through unchanged. */
    public static final ColumnEmbedding PASS = new ColumnEmbedding(Kind.PASS, 1, 0, 0, 0);

    /** What is done with one input. */
    public enum Kind {
        PASS, LINEAR, PERIODIC, PLR, LOOKUP
    }

    public ColumnEmbedding {
        if (size < 1 || (kind == Kind.PASS && size != 1)) {
            throw new IllegalArgumentException("an embedding's size must be >= 1 (1 to pass through), got " + size);
        }
        if ((kind == Kind.PERIODIC || kind == Kind.PLR) && (frequencies < 1 || !(sigma > 0))) {
            throw new IllegalArgumentException("a periodic embedding needs frequencies >= 1 and sigma > 0");
        }
        if (kind == Kind.LOOKUP && vocabulary < 2) {
            throw new IllegalArgumentException("a lookup needs the out-of-vocabulary row and at least one value");
        }
    }

    public static ColumnEmbedding numeric(Kind kind, int size, int frequencies, double sigma) {
        boolean periodic = kind == Kind.PERIODIC || kind == Kind.PLR;
        return new ColumnEmbedding(kind, size, periodic ? frequencies : 0, periodic ? sigma : 0, 0);
    }

    public static ColumnEmbedding lookup(int vocabulary, int size) {
        return new ColumnEmbedding(Kind.LOOKUP, size, 0, 0, vocabulary);
    }

    /** Whether the input's sine and cosine are taken. */
    public boolean periodic() {
        return kind == Kind.PERIODIC || kind == Kind.PLR;
    }

    /** The parameters this input's embedding holds. */
    long numParams() {
        return switch (kind) {
            case PASS -> 0;
            case LINEAR -> 2L * size;
            case PERIODIC, PLR -> frequencies + 2L * frequencies * size + size;
            case LOOKUP -> (long) vocabulary * size;
        };
    }
}
