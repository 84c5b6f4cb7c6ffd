package dev.mtl4j.runtime.transfer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Copies parameters between networks, layer by layer, by vertex name. */
final class ParameterCopier {
    private ParameterCopier() {
    }

    /**
     * Copies the named layers' parameters from one network into another.
     *
     * @throws IllegalStateException when a layer is missing or its parameters differ in size: the two
     *     networks were not built from the same encoder
     */
    static void copy(ComputationGraph from, ComputationGraph to, Collection<String> layers) {
        for (String name : layers) {
            if (!to.getVertex(name).hasLayer() || to.getLayer(name).numParams() == 0) {
                continue;
            }
            Layer target = to.getLayer(name);
            Layer source = from.getVertex(name) != null && from.getVertex(name).hasLayer() ? from.getLayer(name) : null;
            if (source == null || source.numParams() != target.numParams()) {
                throw new IllegalStateException("layer '" + name + "' has " + target.numParams() + " parameters, its source "
                        + (source == null ? "does not exist" : "has " + source.numParams()));
            }
            target.params().assign(source.params());
        }
    }
}
