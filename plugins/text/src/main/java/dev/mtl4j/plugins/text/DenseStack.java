package dev.mtl4j.plugins.text;

import dev.mtl4j.api.graph.ActivationName;
import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * Dense layers on top of a text representation (the trainable shared part). With no hidden layers
 * the heads read the representation itself, through one parameter-free identity layer, so the
 * encoder still has an output vertex of its own.
 */
public final class DenseStack {
    private final List<Integer> hidden;
    private final ActivationName activation;
    private final double dropout;

    public DenseStack(List<Integer> hidden, ActivationName activation, double dropout) {
        this.hidden = List.copyOf(hidden);
        this.activation = activation;
        this.dropout = dropout;
    }

    /** Adds the layers after {@code input}: an encoder's whole stack when the text representation is its input. */
    public LayerStack stack(GraphScope scope, String input, int inputSize) {
        List<String> vertices = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        build(scope, input, inputSize, vertices, sizes);
        return new LayerStack(vertices, sizes);
    }

    /** Adds the layers after {@code input}; fills {@code vertices} and {@code sizes}, bottom first. */
    public void build(GraphScope scope, String input, int inputSize, List<String> vertices, List<Integer> sizes) {
        if (hidden.isEmpty()) {
            vertices.add(scope.addLayer("text_features", new ActivationLayer.Builder().activation(Activation.IDENTITY).build(),
                    input));
            sizes.add(inputSize);
            return;
        }
        String previous = input;
        int width = inputSize;
        for (int i = 0; i < hidden.size(); i++) {
            int out = hidden.get(i);
            String dense = scope.addLayer("dense_" + i, new DenseLayer.Builder().nIn(width).nOut(out)
                    .activation(activation.activation()).weightInit(activation.weightInit()).build(), previous);
            previous = dense;
            if (dropout > 0) {
                // DL4J's dropout takes the probability of keeping a unit.
                previous = scope.addLayer("dropout_" + i, new DropoutLayer.Builder(1 - dropout).build(), dense);
            }
            vertices.add(previous);
            sizes.add(out);
            width = out;
        }
    }

    static List<Integer> widths(List<Integer> hidden) {
        return hidden == null ? List.of() : new ArrayList<>(hidden);
    }
}
