package dev.mtl4j.api.spi;

import java.util.List;
import java.util.Map;

/**
 * An encoder that owns the featurisation of text columns ({@code type: text} features). The runtime
 * never tokenises text itself; it calls this contract during preprocessing:
 *
 * <ol>
 *   <li>{@link #fit} once, with the texts of the training split (one per row: the row's text columns
 *       joined in file order with a line break), before the network is compiled. A featurisation
 *       that learns from data (a vocabulary, inverse document frequencies) learns it here and from
 *       these texts only; a frozen pretrained model learns nothing.</li>
 *   <li>{@link FittedText#transform} on every table the model reads (training, validation and test
 *       rows, and later files given to {@code eval} and {@code predict}).</li>
 *   <li>{@link #over} to get the encoder whose layers read that featurisation; the runtime builds
 *       the network with the encoder it returns, never with this one directly.</li>
 *   <li>{@link FittedText#state} when the model is saved, and {@link #restore} when it is loaded, so a
 *       saved model featurises new text exactly as it featurised its training text.</li>
 * </ol>
 *
 * <p>With {@link TextForm#VECTOR} the text's vector is placed first in the network input, followed by
 * any other (numeric, categorical) features. With {@link TextForm#SEQUENCE} the input is the token-id
 * sequence alone, and the runtime passes a feature mask (1 for a token, 0 for padding) with it.
 */
public interface TextEncoder extends Encoder {

    /**
     * Learns the featurisation from the training split's texts.
     *
     * @param texts one text per training row, never null (a row without text gives "")
     * @param progress where long work (running a language model) reports how far it is
     */
    FittedText fit(List<String> texts, TextProgress progress);

    /**
     * Restores a featurisation from what {@link FittedText#state()} returned.
     *
     * @throws IllegalArgumentException when the state is malformed (the runtime reports it as an
     *     invalid model)
     */
    FittedText restore(Map<String, Object> state);

    /** The encoder whose layers read {@code text}'s output (its width, its vocabulary size). */
    Encoder over(FittedText text);
}
