package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.graph.LayerWiring;
import dev.mtl4j.api.graph.TowerStitch;
import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * A cross-stitch unit (Misra et al. 2016) as a DL4J layer. Its input is T towers' activations at
 * one depth side by side ({@code [x_1 | … | x_T]}, each of width d); its output has the same shape,
 * block i being tower i's learned mix {@code x̃_i = Σ_j α_ij x_j}. The T×T matrix α starts at 0.9 on
 * the diagonal and 0.1 shared over the rest, so towers begin mostly separate and learn how much to
 * share. α is exempt from weight decay: decay would pull the mix towards zero, not towards "no sharing".
 */
public final class CrossStitchLayer extends FeedForwardLayer implements TowerStitch {
    static final String ALPHA = "alpha";
    static final double SELF = 0.9;

    private int towers;

    /** For DL4J's JSON deserialisation. */
    public CrossStitchLayer() {
    }

    CrossStitchLayer(int towers, int width) {
        if (towers < 2 || width < 1) {
            throw new IllegalArgumentException("a cross-stitch unit needs at least 2 towers of width >= 1");
        }
        this.towers = towers;
        setNIn((long) towers * width);
        setNOut((long) towers * width);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray paramsView, boolean initializeParams,
                                                       DataType dataType) {
        return LayerWiring.wire(new CrossStitch(conf, dataType), conf, listeners, layerIndex, paramsView, initializeParams,
                initializer());
    }

    @Override
    public ParamInitializer initializer() {
        return CrossStitchParams.INSTANCE;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return List.of();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(getLayerName(), CrossStitchLayer.class, inputType, inputType)
                .standardMemory((long) towers * towers, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public int getTowers() {
        return towers;
    }

    public void setTowers(int towers) {
        this.towers = towers;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CrossStitchLayer that && super.equals(other) && towers == that.towers;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + towers;
    }
}
