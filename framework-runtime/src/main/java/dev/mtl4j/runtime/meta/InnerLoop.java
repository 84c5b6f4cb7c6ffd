package dev.mtl4j.runtime.meta;

import dev.mtl4j.runtime.data.EncodedData;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.Sgd;
import dev.mtl4j.runtime.train.SingleSteps;

/**
 * The inner loop of meta-learning, and of adapting to a new task: plain gradient descent at the
 * inner learning rate on all of a task's support rows at once, on a working copy of the network
 * (its configuration with every layer's optimizer replaced by SGD; SGD keeps no state, so setting
 * the parameters is all it takes to start a task afresh).
 */
final class InnerLoop {
    private final ComputationGraph graph;
    private final SingleSteps step;
    private double lastLoss = Double.NaN;

    /** @param configuration the network's configuration (not changed) */
    InnerLoop(ComputationGraphConfiguration configuration, double learningRate) {
        ComputationGraphConfiguration sgd = configuration.clone();
        for (Map.Entry<String, GraphVertex> vertex : sgd.getVertices().entrySet()) {
            if (vertex.getValue() instanceof LayerVertex layer && layer.getLayerConf().getLayer() instanceof BaseLayer base) {
                if (base.getIUpdater() instanceof Sgd fixed && fixed.getLearningRate() == 0) {
                    // weights a component fixes (the ordinal head's unit weights) stay fixed; its biases adapt
                    base.setBiasUpdater(new Sgd(learningRate));
                } else {
                    base.setIUpdater(new Sgd(learningRate));
                    base.setBiasUpdater(null);
                }
            }
        }
        this.graph = new ComputationGraph(sgd);
        graph.init();
        // DL4J's fit, or for a dense network the fused step that does the same arithmetic with less machinery
        this.step = new SingleSteps(graph);
    }

    /** The working network, at the parameters the last call left it at. */
    ComputationGraph graph() {
        return graph;
    }

    /** Sets the parameters to {@code start} (copied). */
    void reset(INDArray start) {
        graph.params().assign(start);
    }

    /** {@code steps} gradient-descent steps on every row of {@code support} at once. */
    void steps(MultiDataSet support, int steps) {
        for (int s = 0; s < steps; s++) {
            step.fit(support);
        }
        graph.clearLayerMaskArrays();
    }

    /** The loss at which {@link #gradient} was last taken. */
    double lastLoss() {
        return lastLoss;
    }

    /** The rows' mean loss at the current parameters. */
    double loss(EncodedData rows) {
        double score = graph.score(EncodedRows.batch(rows), false);
        graph.clearLayerMaskArrays();
        return score;
    }

    /**
     * The gradient of the rows' mean loss at the current parameters, shaped as the parameters (a new
     * array); the loss itself is then {@link #lastLoss()}.
     */
    INDArray gradient(EncodedData rows) {
        MultiDataSet batch = EncodedRows.batch(rows);
        graph.setInputs(batch.getFeatures());
        graph.setLabels(batch.getLabels());
        graph.setLayerMaskArrays(batch.getFeaturesMaskArrays(), batch.getLabelsMaskArrays());
        graph.computeGradientAndScore();
        graph.clearLayerMaskArrays();
        lastLoss = graph.score();
        // DL4J's losses sum the rows' gradients; its updater divides by the batch size, which this bypasses.
        return graph.getFlattenedGradients().dup().reshape(graph.params().shape()).divi(rows.size());
    }
}
