package dev.mtl4j.api.spi;

import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Implemented by a DL4J layer configuration some of whose parameters are a pretrained model's
 * values that training leaves untouched (a frozen language model under LoRA or adapters, the frozen
 * lower layers of a top-k fine-tuning). A model file then stores only the other parameters and the
 * pretrained model's id; on load the runtime asks the layer to restore the pretrained ones, and
 * checks them against the SHA-256 the file recorded for them, so a plugin whose pretrained weights
 * changed cannot silently load a model tuned on others.
 *
 * <p>A layer must name only parameters whose values it can restore exactly, and that did not train.
 */
public interface PretrainedParameters {

    /**
     * The pretrained model the parameters come from, an id the plugin can restore them from; null
     * when this layer's parameters were drawn, not loaded (then every parameter is saved).
     */
    String pretrainedId();

    /** The parameters (keys of the layer's parameter table) that hold the pretrained model's values and do not train. */
    Set<String> frozenPretrainedParameters();

    /**
     * Writes the pretrained values into {@code params} (views of the network's parameters, one for each
     * key of {@link #frozenPretrainedParameters()}).
     *
     * @param loaded a map that lives for one network's load, shared by all its layers, for a plugin to
     *     keep what it read by its own keys (a pretrained model is then read once, not once per layer)
     * @throws IllegalArgumentException when the plugin does not have the pretrained model, saying why
     */
    void restorePretrained(Map<String, INDArray> params, Map<String, Object> loaded);
}
