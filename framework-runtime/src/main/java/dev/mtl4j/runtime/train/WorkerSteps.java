package dev.mtl4j.runtime.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The training step of one machine, for a worker of a distributed engine that trains its own copy
 * of the network between averaging rounds: the step {@link Trainer} would take for this network
 * (the fused dense step where it applies, DL4J's otherwise), with the tasks' fixed weights.
 */
public final class WorkerSteps implements AutoCloseable {
    private final TrainingStep step;
    private final StepWeights weights;

    /** @param taskWeights one λ per task, in the pipeline's task order */
    public WorkerSteps(ComputationGraph graph, double[] taskWeights) {
        this.step = StepKind.AUTO.create(graph);
        this.weights = StepWeights.fixed(taskWeights);
    }

    /** One step on one batch: forward, backward, the optimizer's update of the network's own arrays. */
    public StepResult fit(MultiDataSet batch) {
        return step.fit(batch, weights);
    }

    /** "fused-dense" or "computation-graph". */
    public String name() {
        return step.name();
    }

    @Override
    public void close() {
        step.close();
    }
}
