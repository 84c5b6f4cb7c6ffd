package dev.mtl4j.examples.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * {@link HandWrittenDl4j}'s network with the hidden width and the workspace mode as parameters:
 * 64 → h → h shared (ReLU), three 4-output MSE heads weighted 0.5 / 0.3 / 0.2, Adam 1e-3. Trained
 * with {@link HandWrittenDl4j#train}.
 */
final class HandWrittenArticleModel {
    static final double[] WEIGHTS = {0.5, 0.3, 0.2};

    private HandWrittenArticleModel() {
    }

    static ComputationGraph network(long seed, int hidden) {
        return network(seed, hidden, WorkspaceMode.ENABLED);
    }

    static ComputationGraph network(long seed, int hidden, WorkspaceMode workspaces) {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).updater(new Adam(1e-3))
                .trainingWorkspaceMode(workspaces).inferenceWorkspaceMode(workspaces)
                .graphBuilder().addInputs("in").setInputTypes(InputType.feedForward(SyntheticRegression.INPUTS))
                .addLayer("d0", new DenseLayer.Builder().nIn(SyntheticRegression.INPUTS).nOut(hidden).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU).build(), "in")
                .addLayer("d1", new DenseLayer.Builder().nIn(hidden).nOut(hidden).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU).build(), "d0");
        String[] outputs = new String[3];
        for (int t = 0; t < 3; t++) {
            outputs[t] = "out" + t;
            INDArray weights = Nd4j.valueArrayOf(new long[] {1, SyntheticRegression.OUTPUTS}, WEIGHTS[t], DataType.FLOAT);
            graph.addLayer(outputs[t], new OutputLayer.Builder(new LossMSE(weights)).nIn(hidden).nOut(SyntheticRegression.OUTPUTS)
                    .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build(), "d1");
        }
        ComputationGraph network = new ComputationGraph(graph.setOutputs(outputs).build());
        network.init();
        return network;
    }
}
