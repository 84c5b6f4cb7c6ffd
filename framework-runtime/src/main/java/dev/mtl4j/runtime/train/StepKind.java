package dev.mtl4j.runtime.train;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Which training step the trainer uses. {@code AUTO}, the default, takes the fused dense step for
 * the networks it supports — the same arithmetic through fewer layers of machinery (tested against
 * DL4J's fit step by step) — and DL4J's {@code fit} for everything else.
 */
public enum StepKind {
    AUTO,
    /** Always DL4J's ComputationGraph.fit. */
    GRAPH,
    /** The fused dense step; an error for a network it does not support. */
    FUSED;

    TrainingStep create(ComputationGraph graph) {
        // tied towers' penalty: a listener of the graph that DL4J's fit calls; the fused step applies it itself
        ParameterTies ties = ParameterTies.of(graph);
        if (this == GRAPH) {
            return new GraphStep(graph, ties, "DL4J's fit was asked for");
        }
        DenseTopology.Result topology = DenseTopology.of(graph);
        if (topology.topology() != null) {
            return new FusedDenseStep(graph, topology.topology(), ties);
        }
        if (this == FUSED) {
            throw new IllegalArgumentException("the fused step cannot train this network: " + topology.reason());
        }
        return new GraphStep(graph, ties, topology.reason());
    }

    /** The step {@code AUTO} would take for this network: "fused-dense" or "computation-graph". */
    public static String chosenFor(ComputationGraph graph) {
        return AUTO.create(graph).name();
    }
}
