package dev.mtl4j.examples.bench;

import java.util.Random;
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
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The article's network written by hand in DL4J, as a DL4J user would: 64 → h → h shared (ReLU),
 * three 4-output MSE heads weighted 0.5 / 0.3 / 0.2, Adam 1e-3; each epoch shuffles the rows and
 * fits contiguous mini-batches.
 */
final class HandWrittenDl4j {
    private HandWrittenDl4j() {
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
            INDArray weights = Nd4j.valueArrayOf(new long[] {1, SyntheticRegression.OUTPUTS}, SyntheticRegression.WEIGHTS[t], DataType.FLOAT);
            graph.addLayer(outputs[t], new OutputLayer.Builder(new LossMSE(weights)).nIn(hidden).nOut(SyntheticRegression.OUTPUTS)
                    .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build(), "d1");
        }
        ComputationGraph network = new ComputationGraph(graph.setOutputs(outputs).build());
        network.init();
        return network;
    }

    static void train(ComputationGraph network, INDArray features, INDArray[] labels, int epochs, int batchSize, long seed) {
        Random random = new Random(seed);
        int rows = (int) features.size(0);
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            INDArray x = Nd4j.pullRows(features, 1, order);
            INDArray[] y = new INDArray[labels.length];
            for (int t = 0; t < labels.length; t++) {
                y[t] = Nd4j.pullRows(labels[t], 1, order);
            }
            for (int start = 0; start < rows; start += batchSize) {
                INDArrayIndex batch = NDArrayIndex.interval(start, Math.min(rows, start + batchSize));
                INDArray[] batchLabels = new INDArray[y.length];
                for (int t = 0; t < y.length; t++) {
                    batchLabels[t] = y[t].get(batch, NDArrayIndex.all());
                }
                network.fit(new MultiDataSet(new INDArray[] {x.get(batch, NDArrayIndex.all())}, batchLabels));
            }
        }
    }
}
