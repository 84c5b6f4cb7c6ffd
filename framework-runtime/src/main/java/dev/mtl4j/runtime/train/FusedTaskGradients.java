package dev.mtl4j.runtime.train;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused step's backward pass with per-task gradients. On the representation: each head's backward
 * pass alone gives its task's gradient R_i with respect to the shared representation (every row of the
 * batch), then one backward pass through the shared layers carries {@code Σ w_i R_i}. On the
 * parameters: one backward pass per task along its path to the input, the shared layers' gradients of
 * each kept, then combined. Each head keeps the gradient of its own loss.
 */
final class FusedTaskGradients {
    private final FusedDenseStep step;
    private final List<DenseTopology.Node> nodes;
    private final int tasks;
    private final TaskPaths paths;
    private final Map<Long, INDArray> representationGradients = new HashMap<>();
    private INDArray[][] sharedWeightGradients;
    private INDArray[][] sharedBiasGradients;

    /**
     * What the shared layers and the heads got.
     *
     * @param shared the coefficients w of the shared update
     * @param heads each head's factor on its own gradient
     */
    record Combined(double[] shared, double[] heads) {
    }

    FusedTaskGradients(FusedDenseStep step, List<DenseTopology.Node> nodes, int tasks) {
        this.step = step;
        this.nodes = nodes;
        this.tasks = tasks;
        this.paths = new TaskPaths(nodes, tasks);
    }

    /** Fills every gradient view from the output deltas (each task's own, unweighted). */
    Combined backward(INDArray input, FusedDenseStep.Buffers b, INDArray[] deltas, BatchLosses batch, PerTaskRule rule,
                      double scale) {
        double[] heads = rule.headWeights(batch);
        // GradNorm's last-layer norms come cheapest from the representation path: the update is the same
        double[] shared = rule.site() == GradientSite.REPRESENTATION || rule.lastLayerGram()
                ? throughRepresentation(input, b, deltas, batch, rule, scale)
                : throughParameters(input, b, deltas, batch, rule, scale);
        for (int task = 0; task < tasks; task++) {
            if (heads[task] == 1.0) {
                continue;
            }
            for (int n : paths.path(task)) {
                if (!paths.shared(n)) {
                    nodes.get(n).weightGradient().muli(heads[task]);
                    nodes.get(n).biasGradient().muli(heads[task]);
                }
            }
        }
        return new Combined(shared, heads);
    }

    private double[] throughRepresentation(INDArray input, FusedDenseStep.Buffers b, INDArray[] deltas, BatchLosses batch,
                                           PerTaskRule rule, double scale) {
        int r = paths.representation();
        if (r < 0) {
            throw new IllegalArgumentException("per-task gradients on the shared representation need every head to read one "
                    + "shared layer, but " + paths.whyNoRepresentation());
        }
        long rows = input.size(0);
        long width = nodes.get(r).width();
        // one row per task: R_i, the gradient of L_i with respect to the representation, flattened
        INDArray all = representationGradients.computeIfAbsent(rows, x -> Nd4j.zeros(DataType.FLOAT, tasks, rows * width));
        for (int task = 0; task < tasks; task++) {
            int[] head = paths.head(task);
            INDArray delta = deltas[head[0]];
            for (int h = 0; h < head.length; h++) {
                int n = head[h];
                if (h > 0) {
                    delta = step.hiddenDelta(n, b, b.preActivation[n], b.error[n]);
                }
                INDArray into = h + 1 < head.length ? b.error[head[h + 1]] : all.getRow(task).reshape(rows, width);
                step.nodeGradients(n, input, b, delta, scale, into, false);
            }
        }
        double[][] gram = rule.lastLayerGram() ? lastLayerGram(all, input, b, r) : gram(all);
        double[] w = rule.combine(gram, batch);
        // the representation's error: Σ w_i R_i, one [1, K] x [K, rows·width] product
        INDArray coefficients = Nd4j.create(new double[][] {w}).castTo(DataType.FLOAT);
        Nd4j.gemm(coefficients, all, b.error[r].reshape(1, rows * width), false, false, 1.0, 0.0);
        int[] trunk = paths.trunk();
        for (int t = 0; t < trunk.length; t++) {
            int n = trunk[t];
            INDArray delta = step.hiddenDelta(n, b, b.preActivation[n], b.error[n]);
            step.nodeGradients(n, input, b, delta, scale, t + 1 < trunk.length ? b.error[trunk[t + 1]] : null, false);
        }
        return w;
    }

    /** The Gram matrix of the rows of {@code all}: one [K, N] x [N, K] product. */
    private static double[][] gram(INDArray all) {
        INDArray product = Nd4j.createUninitialized(DataType.FLOAT, all.size(0), all.size(0));
        Nd4j.gemm(all, all, product, false, true, 1.0, 0.0);
        return product.toDoubleMatrix();
    }

    /** The Gram matrix of each task's gradient of the representation layer's weights, a_inᵀ (R_i ⊙ f'(z)). */
    private double[][] lastLayerGram(INDArray all, INDArray input, FusedDenseStep.Buffers b, int r) {
        DenseTopology.Node node = nodes.get(r);
        INDArray in = node.parent() < 0 ? input : b.output(node.parent());
        long rows = input.size(0);
        INDArray weights = Nd4j.createUninitialized(DataType.FLOAT, tasks, node.weights().length());
        INDArray scratch = scratch(b, r);
        for (int task = 0; task < tasks; task++) {
            INDArray delta = step.hiddenDelta(r, b, scratch.assign(b.preActivation[r]), all.getRow(task).reshape(rows, node.width()));
            Nd4j.gemm(in, delta, weights.getRow(task).reshape(node.weights().size(0), node.width()), true, false, 1.0, 0.0);
        }
        return gram(weights);
    }

    private double[] throughParameters(INDArray input, FusedDenseStep.Buffers b, INDArray[] deltas, BatchLosses batch,
                                       PerTaskRule rule, double scale) {
        if (sharedWeightGradients == null) {
            sharedWeightGradients = new INDArray[tasks][nodes.size()];
            sharedBiasGradients = new INDArray[tasks][nodes.size()];
        }
        for (int task = 0; task < tasks; task++) {
            int[] path = paths.path(task);
            INDArray delta = deltas[path[0]];
            for (int h = 0; h < path.length; h++) {
                int n = path[h];
                if (h > 0) {
                    // a shared layer's backward runs once per task: its preactivation must survive
                    delta = step.hiddenDelta(n, b, scratch(b, n).assign(b.preActivation[n]), b.error[n]);
                }
                step.nodeGradients(n, input, b, delta, scale, h + 1 < path.length ? b.error[path[h + 1]] : null, false);
                if (paths.shared(n)) {
                    keep(task, n);
                }
            }
        }
        double[][] gram = new double[tasks][tasks];
        for (int n = 0; n < nodes.size(); n++) {
            if (!paths.shared(n)) {
                continue;
            }
            for (int i = 0; i < tasks; i++) {
                for (int j = 0; j <= i; j++) {
                    double dot = dot(sharedWeightGradients[i][n], sharedWeightGradients[j][n])
                            + dot(sharedBiasGradients[i][n], sharedBiasGradients[j][n]);
                    gram[i][j] += dot;
                    gram[j][i] = gram[i][j];
                }
            }
        }
        double[] w = rule.combine(gram, batch);
        for (int n = 0; n < nodes.size(); n++) {
            if (paths.shared(n)) {
                combineInto(nodes.get(n).weightGradient(), sharedWeightGradients, n, w);
                combineInto(nodes.get(n).biasGradient(), sharedBiasGradients, n, w);
            }
        }
        return w;
    }

    private void keep(int task, int n) {
        DenseTopology.Node node = nodes.get(n);
        if (sharedWeightGradients[task][n] == null) {
            sharedWeightGradients[task][n] = node.weightGradient().dup();
            sharedBiasGradients[task][n] = node.biasGradient().dup();
        } else {
            sharedWeightGradients[task][n].assign(node.weightGradient());
            sharedBiasGradients[task][n].assign(node.biasGradient());
        }
    }

    private static void combineInto(INDArray view, INDArray[][] perTask, int n, double[] w) {
        view.assign(perTask[0][n]).muli(w[0]);
        for (int i = 1; i < w.length; i++) {
            view.addi(perTask[i][n].mul(w[i]));
        }
    }

    private static double dot(INDArray a, INDArray b) {
        return a.mul(b).sumNumber().doubleValue();
    }

    private static INDArray scratch(FusedDenseStep.Buffers b, int n) {
        if (b.scratch[n] == null) {
            b.scratch[n] = b.preActivation[n].dup();
        }
        return b.scratch[n];
    }
}
