package dev.mtl4j.runtime.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * A training step for dense networks (with DL4J's inverted dropout after hidden layers, gated mixtures
 * of experts, cross-stitch units, tied towers' penalty, and row-wise layers such as column embeddings
 * run through their own passes) that does what {@link ComputationGraph#fit} does — the same
 * forward pass, DL4J's own activation and loss functions for every derivative, DL4J's own updater
 * (learning-rate schedules, weight decay and all) on the network's own parameter, gradient and
 * updater-state arrays — without its per-step machinery: no workspaces opened and closed, no
 * per-vertex bookkeeping, buffers allocated once per batch size. The network stays the single source
 * of truth, so saving, evaluating or continuing with {@code fit} after it behave as usual.
 */
final class FusedDenseStep implements TrainingStep {
    private final ComputationGraph graph;
    private final List<DenseTopology.Node> nodes;
    private final int[] forwardOrder;
    private final boolean dropout;
    /**
     * Whether per-task gradients go through DL4J's general path: some node is beyond the fused per-task
     * passes (mixtures of experts, cross-stitch units, MTAN's joins, row-wise layers).
     */
    private final boolean perTaskThroughGraph;
    private final int outputs;
    private final Gradient gradient;
    private final INDArray params;
    private final INDArray update;
    private final boolean regularized;
    /** The updater's blocks when the step may drive their optimizers directly, else null. */
    private final List<UpdaterBlock> directBlocks;
    /** Adam applied in Java when every block is DL4J's Adam (with {@link #directBlocks}), else null. */
    private final DirectAdam adam;
    private final Map<Long, Buffers> buffers = new HashMap<>();
    /** Tied towers' penalty (soft sharing), or null. */
    private final ParameterTies ties;
    private FusedTaskGradients perTask;
    private GraphStep general;
    private DropoutDraws draws = DropoutDraws.fast();

    /** @param ties the graph's tie penalty (one of its listeners, which this step does not call), or null */
    FusedDenseStep(ComputationGraph graph, DenseTopology topology, ParameterTies ties) {
        this.graph = graph;
        this.ties = ties;
        this.nodes = topology.nodes();
        this.forwardOrder = topology.forwardOrder();
        this.dropout = topology.hasDropout();
        this.perTaskThroughGraph = topology.hasNodesBeyondDense();
        this.outputs = graph.getNumOutputArrays();
        this.gradient = new DefaultGradient(graph.getFlattenedGradients());
        this.params = graph.params();
        // the same memory as the flattened gradient, shaped like the parameters (DL4J keeps one as [n], one as [1, n])
        this.update = graph.getFlattenedGradients().reshape(params.shape());
        this.regularized = Regularization.any(graph);
        this.directBlocks = directBlocks(graph, regularized);
        this.adam = DirectAdam.of(directBlocks, params);
        for (DenseTopology.Node node : nodes) {
            switch (node.kind()) {
                case STITCH -> gradient.setGradientFor(node.stitch().unit() + "_" + node.stitch().key(), node.stitch().alphaGradient());
                case ROW_WISE -> node.own().conf().getLayer().initializer().getGradientsFromFlattened(node.own().conf(),
                        node.own().getGradientsViewArray()).forEach((key, view) -> gradient.setGradientFor(node.name() + "_" + key, view));
                case DENSE -> {
                    gradient.setGradientFor(node.name() + "_" + DefaultParamInitializer.WEIGHT_KEY, node.weightGradient());
                    gradient.setGradientFor(node.name() + "_" + DefaultParamInitializer.BIAS_KEY, node.biasGradient());
                }
                default -> {
                    // no parameters
                }
            }
        }
    }

    @Override
    public String name() {
        return "fused-dense";
    }

    /** Whether the step applies each updater block's optimizer itself (else it calls DL4J's updater). */
    boolean drivesOptimizersDirectly() {
        return directBlocks != null;
    }

    /** Whether the step applies DL4J's Adam itself, in Java ({@link DirectAdam}). */
    boolean appliesAdamInJava() {
        return adam != null;
    }

    /** Preactivations and activations of every node, and the error flowing back into each. */
    static final class Buffers {
        final INDArray[] preActivation;
        final INDArray[] activation;
        final INDArray[] error;
        final INDArray ones;
        /** ReLU, dropout and mixtures of small arrays in Java (falls back to ND4J where it does not fit). */
        final SmallElementWise elementWise = new SmallElementWise();
        /** The output layers' losses in Java when every output of a batch is small, else null. */
        final SmallOutputs small;
        /** Per node, room for dL/dz when a node's backward runs more than once (per-task passes); made on demand. */
        final INDArray[] scratch;
        /** Per node with dropout: its mask (0 or 1/p, as DL4J's) and its activation times the mask; else null. */
        final INDArray[] mask;
        final INDArray[] dropped;
        /** Per gate node, views of its activation's and its error's columns; made on demand. */
        private final INDArray[][] activationColumns;
        private final INDArray[][] errorColumns;
        /** Per mixture node, its experts' outputs and error buffers and its flags; made on demand. */
        private final INDArray[][] expertOutputs;
        private final INDArray[][] expertErrors;
        private final boolean[][] expertsStarted;
        /** Per merge node, views of its parts' columns in its activation and its error; made on demand. */
        private final INDArray[][] activationBlocks;
        private final INDArray[][] errorBlocks;

        Buffers(List<DenseTopology.Node> nodes, long rows) {
            ones = Nd4j.ones(DataType.FLOAT, rows, 1);
            long widest = nodes.stream().filter(DenseTopology.Node::isOutput).mapToLong(DenseTopology.Node::width).max().orElse(0);
            small = rows * widest <= SmallOutputs.MAX_ELEMENTS ? new SmallOutputs((int) (rows * widest)) : null;
            int n = nodes.size();
            preActivation = new INDArray[n];
            activation = new INDArray[n];
            error = new INDArray[n];
            scratch = new INDArray[n];
            mask = new INDArray[n];
            dropped = new INDArray[n];
            activationColumns = new INDArray[n][];
            errorColumns = new INDArray[n][];
            expertOutputs = new INDArray[n][];
            expertErrors = new INDArray[n][];
            expertsStarted = new boolean[n][];
            activationBlocks = new INDArray[n][];
            errorBlocks = new INDArray[n][];
            for (int i = 0; i < n; i++) {
                long width = nodes.get(i).width();
                preActivation[i] = Nd4j.createUninitialized(DataType.FLOAT, rows, width);
                activation[i] = Nd4j.createUninitialized(DataType.FLOAT, rows, width);
                // zeros: a GEMM with beta 0 may still read its output, and uninitialised memory can hold NaN
                error[i] = Nd4j.zeros(DataType.FLOAT, rows, width);
                if (nodes.get(i).dropout() != null) {
                    mask[i] = Nd4j.createUninitialized(DataType.FLOAT, rows, width);
                    dropped[i] = Nd4j.createUninitialized(DataType.FLOAT, rows, width);
                }
            }
        }

        /** Column k of node n's activation, a view made once per batch size. */
        INDArray activationColumn(int n, int k) {
            return column(activationColumns, activation, n, k);
        }

        /** Column k of the error flowing into node n's output, likewise. */
        INDArray errorColumn(int n, int k) {
            return column(errorColumns, error, n, k);
        }

        private static INDArray column(INDArray[][] columns, INDArray[] arrays, int n, int k) {
            if (columns[n] == null) {
                columns[n] = new INDArray[(int) arrays[n].size(1)];
            }
            if (columns[n][k] == null) {
                columns[n][k] = arrays[n].getColumn(k);
            }
            return columns[n][k];
        }

        /** The outputs of the experts mixture n reads (after their dropout, if any), made once per batch size. */
        INDArray[] expertOutputs(int n, int[] mixed) {
            if (expertOutputs[n] == null) {
                expertOutputs[n] = new INDArray[mixed.length - 1];
                for (int k = 1; k < mixed.length; k++) {
                    expertOutputs[n][k - 1] = output(mixed[k]);
                }
            }
            return expertOutputs[n];
        }

        /** The error buffers of the experts mixture n reads, likewise. */
        INDArray[] expertErrors(int n, int[] mixed) {
            if (expertErrors[n] == null) {
                expertErrors[n] = new INDArray[mixed.length - 1];
                for (int k = 1; k < mixed.length; k++) {
                    expertErrors[n][k - 1] = error[mixed[k]];
                }
            }
            return expertErrors[n];
        }

        /** Room for mixture n's per-expert flags (whether an expert's error already holds a contribution). */
        boolean[] expertsStarted(int n, int experts) {
            if (expertsStarted[n] == null) {
                expertsStarted[n] = new boolean[experts];
            }
            return expertsStarted[n];
        }

        /** Columns of part k in merge node n's activation, a view made once per batch size. */
        INDArray activationBlock(int n, int k, int[] parts) {
            return block(activationBlocks, activation, n, k, parts);
        }

        /** Columns of part k in merge node n's error, likewise. */
        INDArray errorBlock(int n, int k, int[] parts) {
            return block(errorBlocks, error, n, k, parts);
        }

        private INDArray block(INDArray[][] blocks, INDArray[] arrays, int n, int k, int[] parts) {
            if (blocks[n] == null) {
                blocks[n] = new INDArray[parts.length];
                long at = 0;
                for (int j = 0; j < parts.length; j++) {
                    long width = activation[parts[j]].size(1);
                    blocks[n][j] = arrays[n].get(NDArrayIndex.all(), NDArrayIndex.interval(at, at + width));
                    at += width;
                }
            }
            return blocks[n][k];
        }

        /** What the layers reading node n see: its activation, after its dropout if it has one. */
        INDArray output(int n) {
            return dropped[n] != null ? dropped[n] : activation[n];
        }
    }

    @Override
    public StepResult fit(MultiDataSet batch, StepWeights weights) {
        INDArray input = batch.getFeatures(0);
        long rows = input.size(0);
        Buffers b = buffers.computeIfAbsent(rows, r -> new Buffers(nodes, r));
        boolean[] present = TaskMasks.present(batch);
        double[] inference = null;
        if (dropout && weights.needsLosses()) {
            // as DL4J's general path does: λ from the batch's losses without dropout (no random draws)
            forward(input, b, false);
            inference = new double[outputs];
            outputDeltas(batch, b, inference, new double[nodes.size()]);
        }
        forward(input, b, true);
        double[] losses = new double[outputs];
        double[] scales = new double[nodes.size()];
        java.util.Arrays.fill(scales, 1.0);
        INDArray[] deltas = outputDeltas(batch, b, losses, scales);
        double[] lambda = weights.weights(inference != null ? inference : losses, present);
        double score = 0;
        for (int i = 0; i < outputs; i++) {
            score += lambda[i] * losses[i];
        }
        backward(input, b, deltas, scales, lambda, gradientScale(rows));
        if (ties != null) {
            // after the backward pass and before the updater, where DL4J's fit calls the tie listener
            score += ties.applyTo(graph, gradientScale(rows));
        }
        if (regularized) {
            // DL4J's score includes the regularization terms (weight decay: 0.5 * coeff * |W|^2), before the update
            score += graph.calcRegularizationScore(true);
        }
        update(rows);
        graph.setScore(score);
        return new StepResult(score, losses, present, lambda.clone());
    }

    @Override
    public StepResult fitPerTask(MultiDataSet batch, PerTaskRule rule) {
        if (perTaskThroughGraph) {
            return general().fitPerTask(batch, rule);
        }
        if (perTask == null) {
            perTask = new FusedTaskGradients(this, nodes, outputs);
        }
        INDArray input = batch.getFeatures(0);
        long rows = input.size(0);
        Buffers b = buffers.computeIfAbsent(rows, r -> new Buffers(nodes, r));
        forward(input, b, true);
        boolean[] present = TaskMasks.present(batch);
        double[] losses = new double[outputs];
        INDArray[] deltas = outputDeltas(batch, b, losses);
        FusedTaskGradients.Combined combined = perTask.backward(input, b, deltas, new dev.mtl4j.api.spi.BatchLosses(losses, present),
                rule, gradientScale(rows));
        double score = 0;
        for (int i = 0; i < outputs; i++) {
            score += combined.heads()[i] * losses[i];
        }
        if (ties != null) {
            score += ties.applyTo(graph, gradientScale(rows));
        }
        if (regularized) {
            score += graph.calcRegularizationScore(true);
        }
        update(rows);
        graph.setScore(score);
        return new StepResult(score, losses, present, combined.shared());
    }

    /** The factor of the gradient GEMMs: 1/rows when the step applies the optimizers itself. */
    double gradientScale(long rows) {
        return directBlocks != null ? 1.0 / rows : 1.0;
    }

    /**
     * DL4J's general path, for per-task gradients through mixtures of experts and cross-stitch units (a
     * task reads every expert, every tower), MTAN's masks and row-wise layers' own backward passes.
     */
    private GraphStep general() {
        if (general == null) {
            general = new GraphStep(graph, ties, "per-task gradients through a mixture of experts, a cross-stitch unit, "
                    + "MTAN's masks or a layer's own backward pass");
        }
        return general;
    }

    @Override
    public void close() {
        if (general != null) {
            general.close();
        }
    }

    @Override
    public String whyNoRepresentation() {
        if (perTaskThroughGraph) {
            return general().whyNoRepresentation();
        }
        String why = new TaskPaths(nodes, outputs).whyNoRepresentation();
        return why == null ? null : "the network has no single shared representation: " + why;
    }

    /** Applies the gradient in the network's gradient views: the optimizers, then the parameters. */
    private void update(long rows) {
        int iteration = graph.getConfiguration().getIterationCount();
        int epoch = graph.getConfiguration().getEpochCount();
        // DL4J's updater divides by the batch size, applies the optimizer (and any regularization) per
        // updater block, and leaves the update in the gradient array; the step subtracts it.
        if (adam != null) {
            // the division by the batch size already happened in the gradient GEMMs; parameters updated in place
            adam.apply(iteration, epoch);
            graph.getConfiguration().setIterationCount(iteration + 1);
            return;
        }
        if (directBlocks != null) {
            // What DL4J's updater does for an unregularized network, without its per-parameter
            // bookkeeping: the division by the batch size already happened in the gradient GEMMs.
            for (UpdaterBlock block : directBlocks) {
                block.getGradientUpdater().applyUpdater(block.getGradientView(), iteration, epoch);
            }
        } else {
            graph.getUpdater().update(gradient, iteration, epoch, (int) rows, LayerWorkspaceMgr.noWorkspaces());
        }
        params.subi(update);
        graph.getConfiguration().setIterationCount(iteration + 1);
    }

    /**
     * The updater blocks, when applying each block's optimizer to its gradient view is all DL4J's
     * updater would do: no regularization, no gradient normalization, no pretraining or no-op blocks, and
     * gradient views in place. Otherwise null, and the step goes through DL4J's updater.
     */
    private static List<UpdaterBlock> directBlocks(ComputationGraph graph, boolean regularized) {
        if (regularized) {
            return null;
        }
        BaseMultiLayerUpdater<?> updater = graph.getUpdater();
        boolean normalized = java.util.Arrays.stream(graph.getLayers()).anyMatch(layer ->
                layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer base
                        && base.getGradientNormalization() != null
                        && base.getGradientNormalization() != org.deeplearning4j.nn.conf.GradientNormalization.None);
        List<UpdaterBlock> blocks = updater.getUpdaterBlocks();
        boolean usable = !normalized && blocks.stream().allMatch(block -> block.getGradientView() != null
                && !block.isPretrainUpdaterBlock() && block.getGradientUpdater() != null
                && !(block.getGradientUpdater() instanceof org.nd4j.linalg.learning.NoOpUpdater));
        return usable ? List.copyOf(blocks) : null;
    }

    /** The forward pass; with {@code training}, each dropout draws its mask, in the order DL4J's fit draws them. */
    void forward(INDArray input, Buffers b, boolean training) {
        for (int step : forwardOrder) {
            if (step < 0) {
                drop(-step - 1, b, training);
                continue;
            }
            int i = step;
            DenseTopology.Node node = nodes.get(i);
            if (!node.isDense()) {
                switch (node.kind()) {
                    case MIXTURE -> FusedMixture.forward(i, node, b);
                    case STITCH -> FusedStitch.forward(i, node, b);
                    case ROW_WISE -> FusedOwnLayer.forward(i, node, node.parent() < 0 ? input : b.output(node.parent()), b, training);
                    // a dropout node is a merge of one part: a copy, its dropout applied by the next step of the order
                    case CONCAT, DROPOUT -> FusedJoins.concatForward(i, node, b);
                    case PRODUCT -> FusedJoins.productForward(i, node, b);
                    default -> throw new IllegalStateException("no forward pass for " + node.kind());
                }
                continue;
            }
            INDArray in = node.parent() < 0 ? input : b.output(node.parent());
            INDArray z = b.preActivation[i];
            // a GEMM into a preallocated array (INDArray.mmuli into a c-ordered result is 5-8x slower here for
            // these shapes, measured)
            if (Blas.direct(in, node.weights(), z) && Blas.fillRows(node.bias(), b.ones, z)) {
                // the bias inside the products: each row set to it (ones · bias), then z += in · W; one native
                // op less a layer (addi's broadcast cost more than both BLAS calls for a heads-only step)
                Blas.gemm(in, false, node.weights(), false, z, 1.0, 1.0);
            } else {
                // addi broadcasts a row 3x faster than addiRowVector
                Blas.gemm(in, false, node.weights(), false, z, 1.0, 0.0);
                z.addi(node.bias());
            }
            if (!node.isOutput() && !(node.activation() instanceof ActivationReLU && b.elementWise.relu(z, b.activation[i]))
                    && !FastGradients.activate(node.activation(), z, b.activation[i])) {
                node.activation().getActivation(b.activation[i].assign(z), true);
            }
        }
    }

    /** Inverted dropout: a mask of 0 and 1/p ({@link DropoutDraws}) times the activation. */
    private void drop(int n, Buffers b, boolean training) {
        if (!training) {
            b.dropped[n].assign(b.activation[n]);
            return;
        }
        draws.draw(b.mask[n], nodes.get(n).dropout().getP(), b.elementWise);
        if (!b.elementWise.multiply(b.activation[n], b.mask[n], b.dropped[n])) {
            Nd4j.getExecutioner().exec(new MulOp(b.activation[n], b.mask[n], b.dropped[n]));
        }
    }

    /** Draws dropout masks exactly as DL4J's fit does, for comparing the two step by step (slower). */
    void drawDropoutAsDl4j() {
        draws = DropoutDraws.asDl4j();
    }

    /**
     * Each output's unweighted loss (DL4J's score: summed over the rows, divided by the batch size) into
     * {@code losses}, and its dL_i/dz, indexed by node (null for hidden nodes).
     */
    INDArray[] outputDeltas(MultiDataSet batch, Buffers b, double[] losses) {
        return outputDeltas(batch, b, losses, null);
    }

    /**
     * As {@link #outputDeltas(MultiDataSet, Buffers, double[])}, but with {@code scales} (per node, filled
     * with 1) a regression head's delta is left unscaled and its factor written there instead, for the
     * gradient products' alpha (one op less a head).
     */
    INDArray[] outputDeltas(MultiDataSet batch, Buffers b, double[] losses, double[] scales) {
        long rows = batch.getFeatures(0).size(0);
        INDArray[] deltas = new INDArray[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            DenseTopology.Node node = nodes.get(i);
            if (!node.isOutput()) {
                continue;
            }
            INDArray labels = batch.getLabels(node.output());
            INDArray mask = batch.getLabelsMaskArrays() == null ? null : batch.getLabelsMaskArray(node.output());
            double score;
            if (FastGradients.isSoftmaxCrossEntropy(node.loss(), node.activation())) {
                double clip = Math.max(((LossMCXENT) node.loss()).getSoftmaxClipEps(), 0);
                if (b.small != null && b.small.fits(b.preActivation[i], labels, mask, b.error[i])) {
                    score = b.small.softmaxCrossEntropy(b.preActivation[i], labels, mask, b.error[i], clip);
                } else {
                    // p into the activation buffer; the preactivation, read first, then takes the log
                    score = FastGradients.softmaxCrossEntropy((LossMCXENT) node.loss(), b.preActivation[i], b.activation[i],
                            labels, mask, b.error[i], b.preActivation[i]);
                }
                deltas[i] = b.error[i];
            } else if (Double.isNaN(node.regressionWeight())) {
                score = node.loss().computeScore(labels, b.preActivation[i], node.activation(), mask, false);
                deltas[i] = node.loss().computeGradient(labels, b.preActivation[i], node.activation(), mask);
            } else {
                FastGradients.Regression regression = FastGradients.regression(node.loss(), node.regressionWeight(),
                        b.preActivation[i], labels, mask, b.error[i], b.activation[i], scales != null, b.small);
                score = regression.score();
                if (scales != null) {
                    scales[i] = regression.deltaScale();
                }
                deltas[i] = b.error[i];
            }
            losses[node.output()] = score / rows;
        }
        return deltas;
    }

    /** Fills the gradient views from the output deltas, each scaled by its own factor and its task's λ. */
    private void backward(INDArray input, Buffers b, INDArray[] deltas, double[] scales, double[] lambda, double gradientScale) {
        boolean[] errorStarted = new boolean[nodes.size()];
        for (int i = nodes.size() - 1; i >= 0; i--) {
            DenseTopology.Node node = nodes.get(i);
            if (!node.isDense()) {
                // the error at the node's output before its dropout; zero when nothing read it
                errorBeforeDropout(i, b, errorStarted[i]);
                switch (node.kind()) {
                    case MIXTURE -> FusedMixture.backward(i, node, b, errorStarted);
                    case STITCH -> FusedStitch.backward(i, node, b, errorStarted, gradientScale);
                    case ROW_WISE -> FusedOwnLayer.backward(i, node, b, errorStarted, gradientScale);
                    case CONCAT, DROPOUT -> FusedJoins.concatBackward(i, node, b, errorStarted);
                    case PRODUCT -> FusedJoins.productBackward(i, node, b, errorStarted);
                    default -> throw new IllegalStateException("no backward pass for " + node.kind());
                }
                continue;
            }
            INDArray delta;
            double factor = 1.0;
            if (node.isOutput()) {
                // λ and the loss's own factor go into the products' alpha rather than an op on the delta
                delta = deltas[i];
                factor = lambda[node.output()] * scales[i];
            } else {
                delta = hiddenDelta(i, b, b.preActivation[i], b.error[i]);
            }
            int parent = node.parent();
            nodeGradients(i, input, b, delta, gradientScale, factor, parent < 0 ? null : b.error[parent],
                    parent >= 0 && errorStarted[parent]);
            if (parent >= 0) {
                errorStarted[parent] = true;
            }
        }
    }

    /**
     * Node n's error buffer made the error at its output before its dropout: zeros when no reader wrote
     * it ({@code started} false), else times its dropout mask when it has one.
     */
    private static void errorBeforeDropout(int n, Buffers b, boolean started) {
        INDArray error = b.error[n];
        if (!started) {
            error.assign(0);
        } else if (b.mask[n] != null && !b.elementWise.multiply(error, b.mask[n], error)) {
            error.muli(b.mask[n]);
        }
    }

    /**
     * dL/dz of hidden node n from the error flowing into its output (after its dropout, if any); written
     * into {@code scratch}, which must hold the node's preactivation (it is overwritten). {@code error}
     * is left as it is.
     */
    INDArray hiddenDelta(int n, Buffers b, INDArray scratch, INDArray error) {
        DenseTopology.Node node = nodes.get(n);
        if (node.activation() instanceof ActivationReLU && b.elementWise.reluDelta(scratch, error, b.mask[n])) {
            return scratch;
        }
        if (node.activation() instanceof ActivationIdentity && b.mask[n] != null && b.elementWise.multiply(error, b.mask[n], scratch)) {
            return scratch;
        }
        INDArray delta = FastGradients.hidden(node.activation(), b.activation[n], scratch, error);
        delta = delta != null ? delta : node.activation().backprop(scratch, error).getFirst();
        if (b.mask[n] == null) {
            return delta;
        }
        // dropout's backward, f'(z) ⊙ (e ⊙ mask): the mask multiplies the product in either order
        return (delta == error ? scratch.assign(error) : delta).muli(b.mask[n]);
    }

    /**
     * Node n's weight and bias gradients from its dL/dz, into its gradient views, and the error
     * {@code delta Wᵀ} flowing into its input when {@code into} is not null (added to it when {@code accumulate}).
     */
    void nodeGradients(int n, INDArray input, Buffers b, INDArray delta, double gradientScale, INDArray into, boolean accumulate) {
        nodeGradients(n, input, b, delta, gradientScale, 1.0, into, accumulate);
    }

    /** As above, with dL/dz = {@code factor · delta}. */
    private void nodeGradients(int n, INDArray input, Buffers b, INDArray delta, double gradientScale, double factor, INDArray into,
                               boolean accumulate) {
        DenseTopology.Node node = nodes.get(n);
        INDArray in = node.parent() < 0 ? input : b.output(node.parent());
        Blas.gemm(in, true, delta, false, node.weightGradient(), gradientScale * factor, 0.0);
        // the bias gradient as deltaᵀ · ones: one matrix-vector product, much cheaper than a column reduction
        Blas.columnSums(delta, b.ones, node.biasGradient(), gradientScale * factor);
        if (into != null) {
            Blas.gemm(delta, false, node.weights(), true, into, factor, accumulate ? 1.0 : 0.0);
        }
    }
}
