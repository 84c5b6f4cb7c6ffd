package dev.mtl4j.plugins.text.transformer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * A sentence's vector from its token vectors: their mean over the real tokens (the mask says which),
 * scaled to unit length when {@code normalize} (sentence-transformers' pooling). Reads
 * {@code [batch, length, hidden]}, writes {@code [batch, hidden]}; the mask stops here.
 */
public final class SentencePoolingLayer extends NoParamLayer {
    @JsonProperty
    private int hidden;
    @JsonProperty
    private boolean normalize;

    /** For DL4J's JSON deserialisation. */
    public SentencePoolingLayer() {
    }

    SentencePoolingLayer(int hidden, boolean normalize) {
        this.hidden = hidden;
        this.normalize = normalize;
    }

    PoolingMath math() {
        return new PoolingMath(normalize);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        SentencePooling layer = new SentencePooling(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(hidden);
    }

    @Override
    public org.deeplearning4j.nn.conf.InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return new NoOp();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(getLayerName(), getClass(), inputType, getOutputType(0, inputType))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }
}
