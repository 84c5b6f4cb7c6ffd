package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spec.FeatureOptions;
import dev.mtl4j.api.spec.NumericEmbedding;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.embed.ColumnEmbedding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A numeric or ordinal column whose number the network embeds before its encoder (linear, periodic
 * or plr): the column's own encoding, unchanged, with the embedding its first input takes, kept
 * beside the encoding's state ({@code embedding}, {@code size}, {@code frequencies}, {@code sigma}).
 */
final class EmbeddedNumber implements ColumnCodec {
    private final ColumnCodec number;
    private final ColumnEmbedding embedding;

    EmbeddedNumber(ColumnCodec number, ColumnEmbedding embedding) {
        this.number = number;
        this.embedding = embedding;
    }

    /** {@code number} as it is, or embedded when the feature's options ask. */
    static ColumnCodec of(ColumnCodec number, FeatureOptions options) {
        if (options.embedding() == NumericEmbedding.NONE) {
            return number;
        }
        return new EmbeddedNumber(number, ColumnEmbedding.numeric(ColumnEmbedding.Kind.valueOf(options.embedding().name()),
                options.embeddingSize(), options.frequencies(), options.sigma()));
    }

    /** The column's own encoding. */
    ColumnCodec number() {
        return number;
    }

    @Override
    public ColumnEmbedding embedding() {
        return embedding;
    }

    @Override
    public String column() {
        return number.column();
    }

    @Override
    public int width() {
        return number.width();
    }

    @Override
    public void encode(String cell, float[] out, int offset, RawTable table, int row, int index) {
        number.encode(cell, out, offset, table, row, index);
    }

    @Override
    public PreparedColumn prepare(RawTable table, int index) {
        return number.prepare(table, index);
    }

    @Override
    public List<String> inputNames() {
        return number.inputNames();
    }

    @Override
    public Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>(number.toState());
        state.put("embedding", embedding.kind().name().toLowerCase(Locale.ROOT));
        state.put("size", embedding.size());
        if (embedding.periodic()) {
            state.put("frequencies", embedding.frequencies());
            state.put("sigma", embedding.sigma());
        }
        return state;
    }

    /** {@code number} restored from a state that names an embedding. */
    static EmbeddedNumber fromState(ColumnCodec number, Map<?, ?> state) {
        String kind = State.string(state, "embedding");
        ColumnEmbedding.Kind parsed = switch (kind) {
            case "linear" -> ColumnEmbedding.Kind.LINEAR;
            case "periodic" -> ColumnEmbedding.Kind.PERIODIC;
            case "plr" -> ColumnEmbedding.Kind.PLR;
            default -> throw State.invalid("embedding", "linear, periodic or plr", kind);
        };
        boolean periodic = parsed != ColumnEmbedding.Kind.LINEAR;
        try {
            return new EmbeddedNumber(number, ColumnEmbedding.numeric(parsed, (int) State.number(state, "size"),
                    periodic ? (int) State.number(state, "frequencies") : 0, periodic ? State.number(state, "sigma") : 0));
        } catch (IllegalArgumentException e) {
            throw State.invalid("size", "an embedding's size >= 1, frequencies >= 1 and sigma > 0", state.get("size"));
        }
    }
}
