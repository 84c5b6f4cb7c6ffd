package dev.mtl4j.runtime.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The general path: DL4J's own {@link ComputationGraph#fit(org.nd4j.linalg.dataset.api.MultiDataSet)},
 * with λ applied through per-output loss weights ({@link LossWeightLevers}). Each output layer keeps
 * the score of its last computation, λ_i L_i, from which the step reads each task's own loss.
 */
final class GraphStep implements TrainingStep {
    private final ComputationGraph graph;
    private final ParameterTies ties;
    private final boolean regularized;
    private final LossWeightLevers levers;

    private final String whyNotFused;
    private GraphTaskPasses perTask;

    /**
     * @param ties the graph's tie penalty (already one of its listeners), or null
     * @param whyNotFused why the network does not train through the fused step (for messages)
     */
    GraphStep(ComputationGraph graph, ParameterTies ties, String whyNotFused) {
        this.graph = graph;
        this.ties = ties;
        this.regularized = Regularization.any(graph);
        this.levers = new LossWeightLevers(graph);
        this.whyNotFused = whyNotFused;
    }

    @Override
    public StepResult fitPerTask(MultiDataSet batch, PerTaskRule rule) {
        if (perTask == null) {
            perTask = new GraphTaskPasses(graph, levers, ties, regularized, whyNotFused);
        }
        return perTask.fit(batch, rule);
    }

    @Override
    public StepResult fit(MultiDataSet batch, StepWeights weights) {
        boolean[] present = TaskMasks.present(batch);
        // DL4J adds the regularization term, at the parameters before the update, to its first output's score
        double regularization = regularized ? graph.calcRegularizationScore(true) : 0;
        double[] inference = weights.needsLosses() ? inferenceLosses(batch, regularization) : null;
        double[] lambda = weights.weights(inference, present);
        boolean anyZero = false;
        for (double l : lambda) {
            anyZero |= l == 0;
        }
        if (anyZero && inference == null) {
            // a task at λ = 0 has a zero score in fit; its loss is measured apart (no dropout, so no random draws)
            inference = inferenceLosses(batch, regularization);
        }
        levers.apply(lambda);
        try {
            graph.fit(batch);
        } finally {
            levers.reset();
        }
        double[] losses = new double[lambda.length];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = lambda[i] == 0 ? inference[i] : outputScore(i, regularization) / lambda[i];
        }
        double loss = ties == null ? graph.score() : graph.score() + ties.lastPenalty();
        return new StepResult(loss, losses, present, lambda.clone());
    }

    /** Each task's loss on the batch without dropout, from one scoring pass. */
    private double[] inferenceLosses(MultiDataSet batch, double regularization) {
        graph.score(batch, false);
        double[] losses = new double[graph.getNumOutputArrays()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = outputScore(i, regularization);
        }
        graph.clearLayerMaskArrays();
        return losses;
    }

    private double outputScore(int output, double regularization) {
        double score = graph.getOutputLayer(output).score();
        return output == 0 ? score - regularization : score;
    }

    @Override
    public String whyNoRepresentation() {
        return "this network trains through DL4J's general path (" + whyNotFused + "), which takes per-task gradients "
                + "on the shared parameters only";
    }

    @Override
    public void close() {
        levers.close();
    }

    @Override
    public String name() {
        return "computation-graph";
    }
}
