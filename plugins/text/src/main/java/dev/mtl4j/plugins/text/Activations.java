package dev.mtl4j.plugins.text;

import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/** The activations of the dense layers on top of a text featurisation, as written in YAML. */
public enum Activations {
    RELU(Activation.RELU, WeightInit.RELU),
    TANH(Activation.TANH, WeightInit.XAVIER),
    SIGMOID(Activation.SIGMOID, WeightInit.XAVIER),
    IDENTITY(Activation.IDENTITY, WeightInit.XAVIER);

    private final Activation activation;
    private final WeightInit init;

    Activations(Activation activation, WeightInit init) {
        this.activation = activation;
        this.init = init;
    }

    Activation activation() {
        return activation;
    }

    WeightInit weightInit() {
        return init;
    }
}
