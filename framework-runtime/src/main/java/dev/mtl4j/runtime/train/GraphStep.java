package dev.mtl4j.runtime.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/** The general path: DL4J's own {@link ComputationGraph#fit(org.nd4j.linalg.dataset.api.MultiDataSet)}. */
final class GraphStep implements TrainingStep {
    private final ComputationGraph graph;

    GraphStep(ComputationGraph graph) {
        this.graph = graph;
    }

    @Override
    public double fit(MultiDataSet batch) {
        graph.fit(batch);
        return graph.score();
    }

    @Override
    public String name() {
        return "computation-graph";
    }
}
