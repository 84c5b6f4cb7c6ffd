package dev.mtl4j.runtime.train;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-task gradients on DL4J's general path: one forward and backward pass per task
 * ({@link ComputationGraph#computeGradientAndScore()} with the other tasks' loss weights at 0), every
 * pass drawing the same dropout masks (the random generator is reset to one seed before each), each
 * pass's gradients of the shared layers and of the task's own head kept; then the shared layers get
 * {@code Σ w_i g_i}, each head its own gradient, and DL4J's updater applies the result.
 */
final class GraphTaskPasses {
    private final ComputationGraph graph;
    private final LossWeightLevers levers;
    private final ParameterTies ties;
    private final boolean regularized;
    private final String whyNotFused;
    private final int tasks;
    /** Layers with parameters, with the outputs each one feeds: -1 when several (shared), the output index when one. */
    private final List<Layer> layers = new ArrayList<>();
    private final List<Integer> owners = new ArrayList<>();
    private final Layer lastShared;
    private final Map<Integer, INDArray[]> kept = new HashMap<>();

    GraphTaskPasses(ComputationGraph graph, LossWeightLevers levers, ParameterTies ties, boolean regularized, String whyNotFused) {
        this.graph = graph;
        this.levers = levers;
        this.ties = ties;
        this.regularized = regularized;
        this.whyNotFused = whyNotFused;
        this.tasks = graph.getNumOutputArrays();
        OutputReach reach = new OutputReach(graph.getConfiguration());
        for (Layer layer : graph.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            long fed = reach.of(name);
            if (layer.numParams() == 0 || fed == 0) {
                continue;
            }
            layers.add(layer);
            owners.add(Long.bitCount(fed) > 1 ? -1 : Long.numberOfTrailingZeros(fed));
        }
        String top = reach.lastShared(name -> graph.getLayer(name) != null
                && graph.getLayer(name).getParam(DefaultParamInitializer.WEIGHT_KEY) != null);
        this.lastShared = top == null ? null : graph.getLayer(top);
    }

    StepResult fit(MultiDataSet batch, PerTaskRule rule) {
        if (rule.site() == GradientSite.REPRESENTATION) {
            throw new IllegalArgumentException("per-task gradients on the shared representation need the fused training step, "
                    + "and this network trains through DL4J's general path (" + whyNotFused + "); take them on the shared "
                    + "parameters (gradients: parameters)");
        }
        if (rule.lastLayerGram() && lastShared == null) {
            throw new IllegalArgumentException("gradient norms at the last shared layer need one layer with weights, "
                    + "nearest the heads, that feeds every head; this network has none or several");
        }
        boolean[] present = TaskMasks.present(batch);
        double regularization = regularized ? graph.calcRegularizationScore(true) : 0;
        long rows = batch.getFeatures(0).size(0);
        long seed = Nd4j.getRandom().nextLong();
        double[] losses = new double[tasks];
        graph.setInputs(batch.getFeatures());
        graph.setLabels(batch.getLabels());
        graph.setLayerMaskArrays(batch.getFeaturesMaskArrays(), batch.getLabelsMaskArrays());
        try {
            for (int task = 0; task < tasks; task++) {
                Nd4j.getRandom().setSeed(seed);
                double[] only = new double[tasks];
                only[task] = 1;
                levers.apply(only);
                graph.computeGradientAndScore();
                double score = graph.getOutputLayer(task).score();
                losses[task] = task == 0 ? score - regularization : score;
                keep(task);
            }
        } finally {
            levers.reset();
            graph.clearLayerMaskArrays();
        }
        BatchLosses batchLosses = new BatchLosses(losses, present);
        double[] heads = rule.headWeights(batchLosses);
        double[] w = rule.combine(rule.lastLayerGram() ? lastLayerGram() : gram(), batchLosses);
        combine(w, heads);
        double score = regularization;
        for (int task = 0; task < tasks; task++) {
            score += heads[task] * losses[task];
        }
        if (ties != null) {
            ties.onGradientCalculation(graph);
            score += ties.lastPenalty();
        }
        update(rows);
        graph.setScore(score);
        return new StepResult(score, losses, present, w);
    }

    private void keep(int task) {
        INDArray[] copies = kept.computeIfAbsent(task, t -> new INDArray[layers.size()]);
        for (int l = 0; l < layers.size(); l++) {
            int owner = owners.get(l);
            if (owner != -1 && owner != task) {
                continue;
            }
            INDArray view = layers.get(l).getGradientsViewArray();
            if (copies[l] == null) {
                copies[l] = view.dup();
            } else {
                copies[l].assign(view);
            }
        }
    }

    private double[][] gram() {
        double[][] gram = new double[tasks][tasks];
        for (int l = 0; l < layers.size(); l++) {
            if (owners.get(l) == -1) {
                add(gram, l, null);
            }
        }
        return gram;
    }

    /** The Gram matrix of the gradients of the last shared layer's weights alone (GradNorm's W). */
    private double[][] lastLayerGram() {
        double[][] gram = new double[tasks][tasks];
        add(gram, layers.indexOf(lastShared), DefaultParamInitializer.WEIGHT_KEY);
        return gram;
    }

    private void add(double[][] gram, int l, String param) {
        for (int i = 0; i < tasks; i++) {
            for (int j = 0; j <= i; j++) {
                INDArray a = part(kept.get(i)[l], l, param);
                INDArray b = part(kept.get(j)[l], l, param);
                gram[i][j] += a.mul(b).sumNumber().doubleValue();
                gram[j][i] = gram[i][j];
            }
        }
    }

    private INDArray part(INDArray flat, int l, String param) {
        return param == null ? flat
                : DefaultParamInitializer.getInstance().getGradientsFromFlattened(layers.get(l).conf(), flat).get(param);
    }

    /** Writes the combined gradient into each layer's gradient view. */
    private void combine(double[] w, double[] heads) {
        for (int l = 0; l < layers.size(); l++) {
            INDArray view = layers.get(l).getGradientsViewArray();
            int owner = owners.get(l);
            if (owner >= 0) {
                view.assign(kept.get(owner)[l]).muli(heads[owner]);
                continue;
            }
            view.assign(kept.get(0)[l]).muli(w[0]);
            for (int task = 1; task < tasks; task++) {
                view.addi(kept.get(task)[l].mul(w[task]));
            }
        }
    }

    /** What {@code fit} does after the backward pass: DL4J's updater, then the parameters. */
    private void update(long rows) {
        int iteration = graph.getConfiguration().getIterationCount();
        int epoch = graph.getConfiguration().getEpochCount();
        graph.getUpdater().update(graph.gradient(), iteration, epoch, (int) rows, LayerWorkspaceMgr.noWorkspaces());
        INDArray params = graph.params();
        params.subi(graph.getFlattenedGradients().reshape(params.shape()));
        graph.getConfiguration().setIterationCount(iteration + 1);
        graph.clearLayersStates();
    }
}
