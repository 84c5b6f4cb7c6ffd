package dev.mtl4j.runtime.model;

import dev.mtl4j.runtime.io.BoundedInput;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

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
        INDArray params = expected == 0 ? null : array(ModelEntries.COEFFICIENTS, expected);
        ComputationGraph graph = new ComputationGraph(configuration);
        try {
            graph.init(params, false);
        } catch (RuntimeException e) {
            throw zip.entryInvalid(ModelEntries.CONFIGURATION, "DL4J cannot build this network: " + e.getMessage(), e);
        }
        requireFinite(ModelEntries.COEFFICIENTS, graph.paramTable(), params);
        if (zip.has(ModelEntries.UPDATER_STATE)) {
            INDArray view = graph.getUpdater().getStateViewArray();
            long size = view == null ? 0 : view.length();
            INDArray state = array(ModelEntries.UPDATER_STATE, size);
            requireFinite(ModelEntries.UPDATER_STATE, Map.of(), state);
            if (size > 0) {
                graph.getUpdater().setStateViewArray(state);
            }
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

    /** The entry checked for {@code values} values (one pass), then read by ND4J (a second pass). */
    private INDArray array(String name, long values) {
        try (BoundedInput in = zip.open(name, ArrayEntry.maxBytes(values))) {
            ArrayEntry.check(in, values);
        } catch (IllegalArgumentException e) {
            throw zip.entryInvalid(name, e.getMessage());
        } catch (IOException e) {
            throw zip.entryInvalid(name, e.getMessage(), e);
        }
        try (BoundedInput in = zip.open(name, ArrayEntry.maxBytes(values))) {
            return Nd4j.read(new DataInputStream(in));
        } catch (IOException | RuntimeException e) {
            throw zip.entryInvalid(name, "ND4J cannot read it: " + firstLine(e), e);
        }
    }

    private void requireFinite(String name, Map<String, INDArray> parts, INDArray values) {
        long bad = values == null ? 0 : nonFinite(values);
        if (bad == 0) {
            return;
        }
        String where = parts.entrySet().stream().filter(p -> nonFinite(p.getValue()) > 0).findFirst()
                .map(p -> " (the first in parameter '" + p.getKey() + "')").orElse("");
        throw zip.entryInvalid(name, bad + " of " + values.length() + " values are NaN or infinite" + where
                + "; a network with them predicts NaN");
    }

    static long nonFinite(INDArray values) {
        return Nd4j.getExecutioner().exec(new MatchCondition(values, Conditions.notFinite())).getLong(0);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
