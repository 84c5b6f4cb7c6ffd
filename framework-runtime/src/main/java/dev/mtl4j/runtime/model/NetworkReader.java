package dev.mtl4j.runtime.model;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rebuilds the DL4J network of a model file the way {@code ModelSerializer} does — configuration,
 * then {@code init(params)}, then the optimizer's state — but checks each array before ND4J reads
 * it: the coefficients must hold exactly the parameters the configuration declares, the optimizer
 * state exactly what the network's updater keeps, nothing may follow either, and every value must be
 * finite. A model whose weights are NaN would load and predict NaN.
 */
final class NetworkReader {
    private final ModelZip zip;

    NetworkReader(ModelZip zip) {
        this.zip = zip;
    }

    ComputationGraph read() {
        ComputationGraphConfiguration configuration = configuration();
        long expected = 0;
        for (GraphVertex vertex : configuration.getVertices().values()) {
            expected += vertex.numParams(true);
        }
        ComputationGraph graph;
        if (zip.has(ModelEntries.PRETRAINED)) {
            if (zip.has(ModelEntries.COEFFICIENTS)) {
                throw zip.entryInvalid(ModelEntries.PRETRAINED, "beside " + ModelEntries.COEFFICIENTS + ": a model file holds"
                        + " either every parameter or those that are not a pretrained model's, not both");
            }
            graph = init(configuration, Nd4j.create(configuration.getDataType(), 1, expected));
            new PretrainedRestorer(zip).restore(graph);
        } else {
            INDArray params = expected == 0 ? null : ArrayEntry.read(zip, ModelEntries.COEFFICIENTS, expected);
            graph = init(configuration, params);
            ArrayEntry.requireFinite(zip, ModelEntries.COEFFICIENTS, graph.paramTable(), params);
        }
        if (zip.has(ModelEntries.UPDATER_STATE)) {
            INDArray view = graph.getUpdater().getStateViewArray();
            long size = view == null ? 0 : view.length();
            INDArray state = ArrayEntry.read(zip, ModelEntries.UPDATER_STATE, size);
            ArrayEntry.requireFinite(zip, ModelEntries.UPDATER_STATE, Map.of(), state);
            if (size > 0) {
                graph.getUpdater().setStateViewArray(state);
            }
        }
        return graph;
    }

    private ComputationGraph init(ComputationGraphConfiguration configuration, INDArray params) {
        ComputationGraph graph = new ComputationGraph(configuration);
        try {
            graph.init(params, false);
        } catch (RuntimeException e) {
            throw zip.entryInvalid(ModelEntries.CONFIGURATION, "DL4J cannot build this network: " + e.getMessage(), e);
        }
        return graph;
    }

    private ComputationGraphConfiguration configuration() {
        String json = zip.text(ModelEntries.CONFIGURATION);
        try {
            ComputationGraphConfiguration configuration = ComputationGraphConfiguration.fromJson(json);
            if (configuration.getNetworkInputs() == null || configuration.getVertices() == null
                    || configuration.getVertices().isEmpty()) {
                throw new IllegalArgumentException("not a DL4J ComputationGraph configuration");
            }
            return configuration;
        } catch (RuntimeException e) {
            throw zip.entryInvalid(ModelEntries.CONFIGURATION, "not a DL4J network configuration: " + firstLine(e), e);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
