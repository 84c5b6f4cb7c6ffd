package dev.mtl4j.plugins.heads;

import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's output layer whose K-1 biases — the ordinal head's thresholds — start at given values, one
 * each (DL4J's layers take one bias value for every output): the logits of the training rows' shares
 * above each threshold, so that every class has its prior probability from the first step instead
 * of the middle classes starting at probability 0 (equal thresholds). Everything else is DL4J's
 * output layer: same parameters, same layer at run time, same training on both paths.
 */
public final class CoralOutputLayer extends OutputLayer {
    private static final long serialVersionUID = 1L;

    @JsonProperty("thresholds")
    private double[] thresholds;

    /** For DL4J's JSON reader. */
    public CoralOutputLayer() {
    }

    CoralOutputLayer(Builder builder, double[] thresholds) {
        super(builder);
        this.thresholds = thresholds.clone();
    }

    /** The thresholds' starting values. */
    public double[] getThresholds() {
        return thresholds == null ? null : thresholds.clone();
    }

    public void setThresholds(double[] thresholds) {
        this.thresholds = thresholds == null ? null : thresholds.clone();
    }

    @Override
    public ParamInitializer initializer() {
        return new StartingThresholds(thresholds);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoralOutputLayer that && super.equals(other) && Arrays.equals(thresholds, that.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Arrays.hashCode(thresholds);
    }

    /** DL4J's dense parameters (W, b), b set to the thresholds when the network initialises its parameters. */
    private static final class StartingThresholds extends DefaultParamInitializer {
        private final double[] thresholds;

        StartingThresholds(double[] thresholds) {
            this.thresholds = thresholds;
        }

        @Override
        public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
            Map<String, INDArray> params = super.init(conf, paramsView, initializeParams);
            INDArray bias = params.get(BIAS_KEY);
            if (initializeParams && thresholds != null && bias != null && bias.length() == thresholds.length) {
                for (int k = 0; k < thresholds.length; k++) {
                    bias.putScalar(k, thresholds[k]);
                }
            }
            return params;
        }
    }
}
