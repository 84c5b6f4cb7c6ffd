package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.graph.GraphScope;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/** What every built-in head does: optional hidden dense layers, then one output layer. */
final class HeadLayers {
    private HeadLayers() {
    }

    /**
     * λ as a per-output weight vector. DL4J's weighted losses multiply both the score and the
     * gradient by these weights, so a uniform vector scales the task's gradient by exactly λ and the
     * saved network stays loadable by plain DL4J (no custom loss class).
     */
    static INDArray uniformWeights(int outputs, double weight) {
        return Nd4j.valueArrayOf(new long[] {1, outputs}, weight, DataType.FLOAT);
    }

    static String build(GraphScope scope, String input, int inputSize, List<Integer> hidden, int outputs,
                        Activation activation, ILossFunction loss) {
        String previous = input;
        int width = inputSize;
        for (int i = 0; i < hidden.size(); i++) {
            previous = scope.addLayer("hidden_" + i, new DenseLayer.Builder()
                    .nIn(width).nOut(hidden.get(i)).activation(Activation.RELU).weightInit(WeightInit.RELU)
                    .build(), previous);
            width = hidden.get(i);
        }
        return scope.addLayer("output", new OutputLayer.Builder(loss)
                .nIn(width).nOut(outputs).activation(activation).weightInit(WeightInit.XAVIER)
                .build(), previous);
    }
}
