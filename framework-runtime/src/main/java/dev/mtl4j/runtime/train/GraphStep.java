package dev.mtl4j.runtime.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/** The general path: DL4J's own {@link ComputationGraph#fit(org.nd4j.linalg.dataset.api.MultiDataSet)}. */
final class GraphStep implements TrainingStep {
    private final ComputationGraph graph;
    private final ParameterTies ties;

    /** @param ties the graph's tie penalty (already one of its listeners), or null */
    GraphStep(ComputationGraph graph, ParameterTies ties) {
        this.graph = graph;
        this.ties = ties;
    }

    @Override
    public double fit(MultiDataSet batch) {
        graph.fit(batch);
        return ties == null ? graph.score() : graph.score() + ties.lastPenalty();
    }

    @Override
    public String name() {
        return "computation-graph";
    }
}
