package dev.mtl4j.runtime.model;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.data.Preprocessor;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A trained pipeline: the network, the spec it was built from, the fitted preprocessing that turns
 * new rows into its input, and how it was made. Output i of the network is task i of the spec.
 *
 * @param spec the pipeline
 * @param graph the trained network
 * @param preprocessor vocabularies, scalers and class lists fitted on the training rows
 * @param provenance how it was made
 * @param weightingState the task-weighting method's state at the end of training (learned weights,
 *     log σ_i, loss histories, optimizer moments) as plain values, so that a training continuing from
 *     this model resumes the method; empty for a stateless method
 */
public record TrainedModel(PipelineSpec spec, ComputationGraph graph, Preprocessor preprocessor, Provenance provenance,
                           java.util.Map<String, Object> weightingState) {

    public TrainedModel {
        weightingState = weightingState == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weightingState));
    }

    /** A model without task-weighting state. */
    public TrainedModel(PipelineSpec spec, ComputationGraph graph, Preprocessor preprocessor, Provenance provenance) {
        this(spec, graph, preprocessor, provenance, null);
    }
}
