package dev.mtl4j.api.graph;

import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * The activations a component offers its dense layers, as written in YAML ({@code relu},
 * {@code leaky-relu}); shared by the encoder plugins, so every encoder accepts the same names.
 */
public enum ActivationName {
    RELU(Activation.RELU, WeightInit.RELU),
    LEAKY_RELU(Activation.LEAKYRELU, WeightInit.RELU),
    ELU(Activation.ELU, WeightInit.RELU),
    GELU(Activation.GELU, WeightInit.RELU),
    SWISH(Activation.SWISH, WeightInit.RELU),
    TANH(Activation.TANH, WeightInit.XAVIER),
    SIGMOID(Activation.SIGMOID, WeightInit.XAVIER),
    IDENTITY(Activation.IDENTITY, WeightInit.XAVIER);

    private final Activation activation;
    private final WeightInit init;

    ActivationName(Activation activation, WeightInit init) {
        this.activation = activation;
        this.init = init;
    }

    public Activation activation() {
        return activation;
    }

    /** He initialisation for the rectifier family, Glorot for the saturating ones. */
    public WeightInit weightInit() {
        return init;
    }
}
