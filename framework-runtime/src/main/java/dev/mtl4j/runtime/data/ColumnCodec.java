package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.embed.ColumnEmbedding;
import java.util.List;
import java.util.Map;

/** Encodes one feature column into a fixed number of network inputs, fitted on the training rows. */
interface ColumnCodec {

    String column();

    int width();

    /**
     * Writes the encoding of one cell ({@code null} when missing) to {@code out[offset, offset + width)},
     * which the caller has zeroed; {@code table}, {@code row} and {@code index} name the cell in errors.
     */
    void encode(String cell, float[] out, int offset, RawTable table, int row, int index);

    /**
     * Encodes the whole column once, so that encoding many row subsets of one table is a copy. A
     * cell that cannot be encoded is marked, not reported: the error is raised only if that row is
     * encoded.
     */
    PreparedColumn prepare(RawTable table, int index);

    /** One name per input, e.g. {@code SEX=F}. */
    List<String> inputNames();

    /** How the column's first input is embedded before the encoder; {@link ColumnEmbedding#PASS} when it is not. */
    default ColumnEmbedding embedding() {
        return ColumnEmbedding.PASS;
    }

    /** Everything the codec learned, as plain values. */
    Map<String, Object> toState();

    static ColumnCodec fromState(Map<?, ?> state) {
        String type = State.string(state, "type");
        ColumnCodec codec = switch (type) {
            case "numeric" -> NumericCodec.fromState(state);
            case "categorical" -> CategoricalCodec.fromState(state);
            case "ordinal" -> OrdinalCodec.fromState(state);
            case "category-index" -> CategoryIndexCodec.fromState(state);
            default -> throw State.invalid("type", "numeric, categorical, category-index or ordinal", type);
        };
        // models saved before embeddings existed have none
        return state.containsKey("embedding") ? EmbeddedNumber.fromState(codec, state) : codec;
    }
}
