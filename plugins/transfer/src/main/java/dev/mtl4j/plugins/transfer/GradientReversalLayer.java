package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.graph.LayerWiring;
import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient-reversal layer of DANN (Ganin et al. 2016, JMLR 17:59) as a DL4J layer: the identity
 * on the way forward, {@code −λ} times the incoming gradient on the way back. Between a shared
 * encoder and a domain classifier, the classifier learns to tell the domains apart while the
 * encoder learns to make them indistinguishable.
 *
 * <p>λ follows the paper's schedule {@code λ_p = λ · (2 / (1 + exp(−γ·p)) − 1)}, p being the
 * progress of training from 0 to 1 (the iteration over the planned steps), so the domain signal,
 * noisy at first, enters gradually; or it stays λ throughout. The layer has no parameters.
 */
public final class GradientReversalLayer extends NoParamLayer {
    private double lambda;
    private double gamma;
    private boolean constant;
    private long steps;

    /** For DL4J's JSON deserialisation. */
    public GradientReversalLayer() {
    }

    /**
     * @param lambda the largest coefficient λ
     * @param gamma the schedule's steepness γ (10 in the paper)
     * @param constant whether λ stays constant instead of following the schedule
     * @param steps the training steps planned, over which p runs from 0 to 1
     */
    GradientReversalLayer(double lambda, double gamma, boolean constant, long steps) {
        if (!(lambda >= 0) || Double.isInfinite(lambda) || !(gamma > 0) || steps < 1) {
            throw new IllegalArgumentException("a gradient-reversal layer needs lambda >= 0, gamma > 0 and steps >= 1");
        }
        this.lambda = lambda;
        this.gamma = gamma;
        this.constant = constant;
        this.steps = steps;
    }

    /** The coefficient at a training iteration (0-based): λ, or λ_p with p = iteration / steps, capped at 1. */
    double coefficient(int iteration) {
        if (constant) {
            return lambda;
        }
        double progress = Math.min(1.0, Math.max(0, iteration) / (double) steps);
        return lambda * (2.0 / (1.0 + Math.exp(-gamma * progress)) - 1.0);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray paramsView, boolean initializeParams,
                                                       DataType dataType) {
        return LayerWiring.wire(new GradientReversal(conf, dataType), conf, listeners, layerIndex, paramsView, initializeParams,
                initializer());
    }

    @Override
    public ParamInitializer initializer() {
        return EmptyParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // the output has the input's shape
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long perExample = inputType.arrayElementsPerExample();
        return new LayerMemoryReport.Builder(getLayerName(), GradientReversalLayer.class, inputType, inputType)
                .standardMemory(0, 0).workingMemory(0, perExample, 0, perExample).cacheMemory(0, 0).build();
    }

    public double getLambda() {
        return lambda;
    }

    public void setLambda(double lambda) {
        this.lambda = lambda;
    }

    public double getGamma() {
        return gamma;
    }

    public void setGamma(double gamma) {
        this.gamma = gamma;
    }

    public boolean isConstant() {
        return constant;
    }

    public void setConstant(boolean constant) {
        this.constant = constant;
    }

    public long getSteps() {
        return steps;
    }

    public void setSteps(long steps) {
        this.steps = steps;
    }

    @Override
    public GradientReversalLayer clone() {
        return (GradientReversalLayer) super.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GradientReversalLayer that && super.equals(other) && lambda == that.lambda
                && gamma == that.gamma && constant == that.constant && steps == that.steps;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(super.hashCode(), lambda, gamma, constant, steps);
    }
}
