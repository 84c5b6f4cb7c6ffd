package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.graph.GatedMixture;
import dev.mtl4j.api.graph.LayerWiring;
import java.util.Collection;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A gated mixture of experts as a DL4J layer without parameters. Its input is a gate row (softmax
 * weights over n experts) followed by the n experts' outputs, each of width d:
 * {@code [g | e_1 | … | e_n]}; its output is {@code Σ_k g_k · e_k}, of width d. The gate layer and
 * the experts carry the parameters.
 */
public final class MixtureLayer extends NoParamLayer implements GatedMixture {
    private int experts;
    private int width;

    /** For DL4J's JSON deserialisation. */
    public MixtureLayer() {
    }

    MixtureLayer(int experts, int width) {
        if (experts < 1 || width < 1) {
            throw new IllegalArgumentException("a mixture needs at least one expert of width >= 1");
        }
        this.experts = experts;
        this.width = width;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray paramsView, boolean initializeParams,
                                                       DataType dataType) {
        return LayerWiring.wire(new Mixture(conf, dataType), conf, listeners, layerIndex, paramsView, initializeParams,
                initializer());
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(width);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(getLayerName(), MixtureLayer.class, inputType, getOutputType(0, inputType))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public int getExperts() {
        return experts;
    }

    public void setExperts(int experts) {
        this.experts = experts;
    }

    @Override
    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = width;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MixtureLayer that && super.equals(other) && experts == that.experts && width == that.width;
    }

    @Override
    public int hashCode() {
        return (31 * super.hashCode() + experts) * 31 + width;
    }
}
