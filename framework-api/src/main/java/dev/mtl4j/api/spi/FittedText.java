package dev.mtl4j.api.spi;

import java.util.List;
import java.util.Map;

/**
 * A text featurisation fitted on training texts (or a frozen one that needed no fitting). It is
 * immutable: transforming texts never changes it, so the training, test and prediction rows are
 * featurised alike.
 */
public interface FittedText {

    /** Whether {@link #transform} writes a fixed vector or a token-id sequence. */
    TextForm form();

    /** Values per text: the vector's width, or the maximum sequence length. */
    int width();

    /**
     * The number of distinct token ids a {@link TextForm#SEQUENCE} writes, padding (id 0) included:
     * every id is in {@code [0, vocabularySize())}. 0 for a vector form.
     */
    int vocabularySize();

    /**
     * Featurises texts into {@code out[i * width(), (i + 1) * width())} for text {@code i}; {@code out}
     * is zeroed by the caller. A {@link TextForm#SEQUENCE} writes token ids as floats: ids of the text's
     * first tokens from position 0, then 0 (padding) to the end; every text gets at least one token, so
     * no row is wholly masked.
     *
     * @param texts the texts, never null
     * @param progress where long work reports how far it is
     */
    void transform(List<String> texts, float[] out, TextProgress progress);

    /**
     * What was learned, as plain data for the model file: maps with string keys, lists, strings,
     * booleans and numbers only, so that it can be written as YAML and read back without running
     * any code named by the file.
     */
    Map<String, Object> state();
}
