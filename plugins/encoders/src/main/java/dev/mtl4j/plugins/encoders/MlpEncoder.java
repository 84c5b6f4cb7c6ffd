package dev.mtl4j.plugins.encoders;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.spi.Encoder;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;

/** Dense layers, each optionally followed by dropout. The stack lists the dense layers only. */
final class MlpEncoder implements Encoder {
    private final MlpConfig config;

    MlpEncoder(MlpConfig config) {
        this.config = config;
    }

    @Override
    public LayerStack build(GraphScope scope, String input, int inputSize) {
        List<String> layers = new ArrayList<>();
        String previous = input;
        int width = inputSize;
        for (int i = 0; i < config.hidden().size(); i++) {
            int out = config.hidden().get(i);
            String dense = scope.addLayer("dense_" + i, new DenseLayer.Builder()
                    .nIn(width).nOut(out)
                    .activation(config.activation().activation())
                    .weightInit(config.activation().weightInit())
                    .build(), previous);
            layers.add(dense);
            previous = dense;
            if (config.dropout() > 0) {
                // DL4J's dropout takes the probability of keeping a unit.
                previous = scope.addLayer("dropout_" + i, new DropoutLayer.Builder(1 - config.dropout()).build(), dense);
            }
            width = out;
        }
        List<String> outputs = new ArrayList<>(layers);
        outputs.set(outputs.size() - 1, previous);
        return new LayerStack(outputs, config.hidden());
    }
}
