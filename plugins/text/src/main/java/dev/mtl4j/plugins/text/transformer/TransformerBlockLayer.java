package dev.mtl4j.plugins.text.transformer;

import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * One pretrained transformer layer in a DL4J network, tuned as its {@link BlockSpec} says: fully,
 * through LoRA, through adapters, or not at all. Reads and writes {@code [batch, length, hidden]}
 * with the token mask the network passes along. Saved in the network's JSON under this class's
 * name: loading such a network needs the text plugin.
 */
public final class TransformerBlockLayer extends PretrainedLayer {
    @JsonProperty
    private int hidden;
    @JsonProperty
    private int heads;
    @JsonProperty
    private int intermediate;
    @JsonProperty
    private double epsilon;
    @JsonProperty
    private Tuning tuning;
    @JsonProperty
    private int loraRank;
    @JsonProperty
    private double loraAlpha;
    @JsonProperty
    private List<String> loraTargets = List.of();
    @JsonProperty
    private int adapterSize;
    /** Which layer of the pretrained model this is (0 = the lowest). */
    @JsonProperty
    private int pretrainedLayer;
    /**
     * Whether backpropagation computes the gradient of the layer's input: false for the lowest tuned
     * layer over frozen ones, whose input's gradient nobody reads (it saves three of the layer's
     * products). Networks saved before this field existed read it as true.
     */
    @JsonProperty
    private boolean inputGradient = true;

    /** For DL4J's JSON deserialisation. */
    public TransformerBlockLayer() {
    }

    TransformerBlockLayer(BlockSpec spec, int pretrainedLayer, boolean inputGradient) {
        this.hidden = spec.hidden();
        this.heads = spec.heads();
        this.intermediate = spec.intermediate();
        this.epsilon = spec.epsilon();
        this.tuning = spec.tuning();
        this.loraRank = spec.loraRank();
        this.loraAlpha = spec.loraAlpha();
        this.loraTargets = spec.loraTargets();
        this.adapterSize = spec.adapterSize();
        this.pretrainedLayer = pretrainedLayer;
        this.inputGradient = inputGradient;
    }

    BlockSpec spec() {
        return new BlockSpec(hidden, heads, intermediate, epsilon, tuning, loraRank, loraAlpha, loraTargets, adapterSize);
    }

    public int getPretrainedLayer() {
        return pretrainedLayer;
    }

    public boolean isInputGradient() {
        return inputGradient;
    }

    public Tuning getTuning() {
        return tuning;
    }

    @Override
    List<BlockSpec.Param> layout() {
        return spec().params();
    }

    @Override
    boolean trains(String key) {
        return spec().trains(key);
    }

    @Override
    boolean isPretrained(String key) {
        return BlockSpec.isPretrained(key);
    }

    @Override
    INDArray pretrainedValue(PretrainedWeights weights, String key) {
        return weights.tensor(BlockSpec.pretrainedName(pretrainedLayer, key));
    }

    @Override
    int outputWidth() {
        return hidden;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        TransformerBlock layer = new TransformerBlock(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
