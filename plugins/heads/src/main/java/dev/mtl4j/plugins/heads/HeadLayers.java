package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.graph.GraphScope;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * What every built-in head does: optional hidden dense layers, then one output layer with the task's
 * unweighted loss (the runtime applies λ; DL4J's built-in loss classes keep the saved network
 * loadable by plain DL4J).
 */
final class HeadLayers {
    private HeadLayers() {
    }

    /** The last hidden layer's name and width (the input's when there is none). */
    record Top(String name, int width) {
    }

    static String build(GraphScope scope, String input, int inputSize, List<Integer> hidden, int outputs,
                        Activation activation, ILossFunction loss) {
        Top top = hidden(scope, input, inputSize, hidden);
        return scope.addLayer("output", new OutputLayer.Builder(loss)
                .nIn(top.width()).nOut(outputs).activation(activation).weightInit(WeightInit.XAVIER)
                .build(), top.name());
    }

    static Top hidden(GraphScope scope, String input, int inputSize, List<Integer> hidden) {
        String previous = input;
        int width = inputSize;
        for (int i = 0; i < hidden.size(); i++) {
            previous = scope.addLayer("hidden_" + i, new DenseLayer.Builder()
                    .nIn(width).nOut(hidden.get(i)).activation(Activation.RELU).weightInit(WeightInit.RELU)
                    .build(), previous);
            width = hidden.get(i);
        }
        return new Top(previous, width);
    }
}
