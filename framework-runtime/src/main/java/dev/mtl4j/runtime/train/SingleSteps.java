package dev.mtl4j.runtime.train;

import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Optimisation steps on a network outside the trainer's epochs (the inner loop of meta-learning):
 * the trainer's own step — the fused dense step where it applies, DL4J's fit otherwise — with every
 * output at λ = 1.
 */
public final class SingleSteps implements AutoCloseable {
    private final TrainingStep step;
    private final StepWeights weights;

    public SingleSteps(ComputationGraph graph) {
        this.step = StepKind.AUTO.create(graph);
        double[] ones = new double[graph.getNumOutputArrays()];
        Arrays.fill(ones, 1.0);
        this.weights = StepWeights.fixed(ones);
    }

    /** One step on the batch; returns its loss. */
    public double fit(MultiDataSet batch) {
        return step.fit(batch, weights).loss();
    }

    @Override
    public void close() {
        step.close();
    }
}
