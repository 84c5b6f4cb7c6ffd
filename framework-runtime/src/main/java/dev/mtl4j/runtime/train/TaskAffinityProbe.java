package dev.mtl4j.runtime.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The lookahead inter-task affinity of Fifty et al. 2021 ("Efficiently identifying task groupings for
 * multi-task learning", TAG): how a step on task i's loss alone changes task j's loss,
 * {@code Z[i][j] = 1 − L_j(θ_s − η ∇_{θ_s} L_i, θ_j) / L_j(θ_s, θ_j)}, where θ_s are the parameters
 * shared by several tasks ({@link SharedLayers}) and each head keeps its own. Positive: the step on i
 * lowers j's loss.
 *
 * <p>Measured on a copy of the network being trained, its parameters copied in at each measurement, so
 * training is not disturbed. The copy has no dropout: every pass is deterministic and none draws from
 * ND4J's random generator, which the training's own dropout and shuffling use. Task i's gradient is
 * DL4J's backward pass with every other output's labels masked out (a zero mask gives an output no
 * loss and no gradient, whatever its loss function).
 */
public final class TaskAffinityProbe {
    private final ComputationGraph probe;
    private final List<Layer> shared = new ArrayList<>();
    private final int tasks;
    private final double learningRate;
    private final AffinitySamples samples;

    /**
     * @param trained the network being trained (its configuration is copied, without dropout)
     * @param learningRate η of the lookahead step (plain gradient descent)
     * @throws IllegalArgumentException when no parameters are shared by two tasks
     */
    public TaskAffinityProbe(ComputationGraph trained, double learningRate) {
        ComputationGraphConfiguration configuration = trained.getConfiguration().clone();
        withoutDropout(configuration);
        this.probe = new ComputationGraph(configuration);
        probe.init(trained.params().dup(), false);
        this.tasks = probe.getNumOutputArrays();
        this.learningRate = learningRate;
        this.samples = new AffinitySamples(tasks);
        List<String> sharedNames = SharedLayers.of(configuration);
        for (Layer layer : probe.getLayers()) {
            if (layer.numParams() > 0 && sharedNames.contains(layer.conf().getLayer().getLayerName())) {
                shared.add(layer);
            }
        }
        if (shared.isEmpty()) {
            throw new IllegalArgumentException("the network has no parameters shared by two tasks; task affinity needs some");
        }
    }

    /** The names of the layers whose parameters the lookahead step moves. */
    public List<String> sharedLayers() {
        return shared.stream().map(layer -> layer.conf().getLayer().getLayerName()).toList();
    }

    /** One measurement on a batch, with the trained network's current parameters. */
    public void measure(ComputationGraph trained, MultiDataSet batch) {
        INDArray start = trained.params().dup();
        probe.setParams(start);
        boolean[] present = TaskMasks.present(batch);
        double[] before = losses(batch);
        List<INDArray[]> gradients = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            gradients.add(present[i] && before[i] > 0 ? sharedGradient(batch, i) : null);
        }
        double[][] sample = new double[tasks][tasks];
        for (double[] row : sample) {
            Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < tasks; i++) {
            if (gradients.get(i) == null) {
                continue;
            }
            for (int l = 0; l < shared.size(); l++) {
                shared.get(l).params().subi(gradients.get(i)[l].mul(learningRate));
            }
            double[] after = losses(batch);
            probe.setParams(start);
            for (int j = 0; j < tasks; j++) {
                if (present[j] && before[j] > 0 && Double.isFinite(after[j])) {
                    sample[i][j] = 1 - after[j] / before[j];
                }
            }
        }
        samples.add(sample);
    }

    /** Every measurement so far. */
    public AffinitySamples samples() {
        return samples;
    }

    /** Task i's gradient on the shared layers (copies), from a backward pass with every other task's labels masked out. */
    private INDArray[] sharedGradient(MultiDataSet batch, int task) {
        INDArray[] labels = batch.getLabels();
        INDArray[] masks = new INDArray[tasks];
        for (int k = 0; k < tasks; k++) {
            INDArray own = batch.getLabelsMaskArray(k);
            masks[k] = k == task ? own : Nd4j.zeros(labels[k].dataType(), labels[k].size(0),
                    labels[k].rank() == 3 ? labels[k].size(2) : 1);
        }
        try {
            probe.setInputs(batch.getFeatures());
            probe.setLabels(labels);
            probe.setLayerMaskArrays(batch.getFeaturesMaskArrays(), masks);
            probe.computeGradientAndScore();
            INDArray[] gradient = new INDArray[shared.size()];
            for (int l = 0; l < shared.size(); l++) {
                gradient[l] = shared.get(l).getGradientsViewArray().dup();
            }
            return gradient;
        } finally {
            probe.clearLayerMaskArrays();
        }
    }

    /** Each task's own loss on the batch (DL4J's score of each output). */
    private double[] losses(MultiDataSet batch) {
        double regularization = probe.calcRegularizationScore(true);
        probe.score(batch, false);
        double[] losses = new double[tasks];
        for (int j = 0; j < tasks; j++) {
            // DL4J adds the regularization term to the first output's score
            losses[j] = probe.getOutputLayer(j).score() - (j == 0 ? regularization : 0);
        }
        probe.clearLayerMaskArrays();
        return losses;
    }

    private static void withoutDropout(ComputationGraphConfiguration configuration) {
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex && layerVertex.getLayerConf() != null) {
                org.deeplearning4j.nn.conf.layers.Layer layer = layerVertex.getLayerConf().getLayer();
                layer.setIDropout(null);
                if (layer instanceof BaseWrapperLayer wrapper && wrapper.getUnderlying() != null) {
                    wrapper.getUnderlying().setIDropout(null);
                }
            }
        }
    }
}
