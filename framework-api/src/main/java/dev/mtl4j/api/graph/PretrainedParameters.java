package dev.mtl4j.api.graph;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer configuration some of whose parameters are a pretrained model's values, kept as they are
 * (never trained). A model file leaves those parameters out and records the pretrained model's id
 * instead: a model tuned with adapters or LoRA on a 90 MB language model is saved in a few MB, and
 * loading it asks the layer to put the pretrained values back.
 *
 * <p>Implemented by a DL4J layer configuration ({@link org.deeplearning4j.nn.conf.layers.Layer})
 * from a plugin; the runtime's model file does the rest.
 */
public interface PretrainedParameters {

    /**
     * The pretrained model the values come from, with its version: the same id must give the same
     * values on every machine (the model file checks a digest of them when it loads).
     */
    String pretrainedModel();

    /** This layer's parameter keys that hold the pretrained values, unchanged by training. */
    List<String> frozenPretrainedKeys();

    /**
     * Writes the pretrained values of {@link #frozenPretrainedKeys()} into this layer's parameters.
     *
     * @param params this layer's parameters by key (views of the network's parameters)
     * @param loaded shared by every layer of one network while it loads: a cache of what was read
     *     (a pretrained model file read once, not once per layer)
     */
    void restorePretrained(Map<String, INDArray> params, Map<String, Object> loaded);
}
