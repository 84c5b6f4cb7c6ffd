package dev.mtl4j.examples.residual;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.spi.Encoder;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/** A projection to {@code width}, then blocks of relu(x + W2·relu(W1·x)). */
final class ResidualMlpEncoder implements Encoder {
    private final ResidualMlpConfig config;

    ResidualMlpEncoder(ResidualMlpConfig config) {
        this.config = config;
    }

    @Override
    public LayerStack build(GraphScope scope, String input, int inputSize) {
        int width = config.width();
        String current = scope.addLayer("projection", dense(inputSize, width, Activation.RELU), input);
        List<String> layers = new ArrayList<>(List.of(current));
        for (int b = 0; b < config.blocks(); b++) {
            GraphScope block = scope.child("block_" + b);
            String inner = block.addLayer("dense_0", dense(width, width, Activation.RELU), current);
            String outer = block.addLayer("dense_1", dense(width, width, Activation.IDENTITY), inner);
            String sum = block.addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), current, outer);
            current = block.addLayer("relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), sum);
            layers.add(current);
        }
        return new LayerStack(layers, java.util.Collections.nCopies(layers.size(), width));
    }

    private static DenseLayer dense(int in, int out, Activation activation) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(activation).weightInit(WeightInit.RELU).build();
    }
}
