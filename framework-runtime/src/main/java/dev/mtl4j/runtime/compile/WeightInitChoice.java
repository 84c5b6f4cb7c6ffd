package dev.mtl4j.runtime.compile;

import dev.mtl4j.api.graph.Dl4jLayerWithOwnRunner;
import dev.mtl4j.api.spec.TrainingSpec;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;

/**
 * Applies {@code training.init} to a configured network before its weights are drawn. Every
 * component picks an initialisation for its own layers ({@code auto}); a pipeline may override them
 * all at once, as one would when matching another framework's training (PyTorch draws a linear
 * layer's weights from U(±1/√fan-in), DL4J components here use He or Xavier), or when the start
 * matters for what a small network learns.
 *
 * <p>Only DL4J's own weight layers are touched, wrapped or not: dense, output, convolution and
 * recurrent input weights. Embedding tables keep theirs (a fan-in of the vocabulary size would make them almost zero),
 * recurrent weights keep theirs, layers from plugins (a cross-stitch unit starting near the
 * identity) own their parameters' meaning — unless one only runs a DL4J layer faster
 * ({@link Dl4jLayerWithOwnRunner}), and so do weights a component set to a constant (the
 * ordinal head's fixed unit weights, which it never trains).
 */
final class WeightInitChoice {
    private WeightInitChoice() {
    }

    static void apply(ComputationGraphConfiguration configuration, String init) {
        if (init.equals(TrainingSpec.DEFAULT_INIT)) {
            return;
        }
        WeightInit weightInit = weightInit(init);
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex) {
                Layer layer = unwrapped(layerVertex.getLayerConf().getLayer());
                if (overridable(layer)) {
                    override((BaseLayer) layer, weightInit);
                }
            }
        }
    }

    private static void override(BaseLayer layer, WeightInit weightInit) {
        if (layer instanceof BaseRecurrentLayer recurrent && recurrent.getWeightInitFnRecurrent() == null) {
            // DL4J draws the recurrent weights with the input weights' initialisation unless told
            // otherwise: pin the component's choice so only the input weights change.
            recurrent.setWeightInitFnRecurrent(layer.getWeightInitFn());
        }
        layer.setWeightInitFn(weightInit.getWeightInitFunction());
    }

    /** The layer inside a wrapper (an LSTM read at its last time step). */
    private static Layer unwrapped(Layer layer) {
        Layer inner = layer;
        while (inner instanceof BaseWrapperLayer wrapper) {
            inner = wrapper.getUnderlying();
        }
        return inner;
    }

    private static WeightInit weightInit(String init) {
        return switch (init) {
            case "he" -> WeightInit.RELU;
            case "xavier" -> WeightInit.XAVIER;
            case "lecun" -> WeightInit.LECUN_NORMAL;
            case "uniform" -> WeightInit.UNIFORM;
            default -> throw new IllegalArgumentException("no weight initialisation named '" + init + "'");
        };
    }

    private static boolean overridable(Layer layer) {
        return layer instanceof BaseLayer
                && (layer.getClass().getName().startsWith("org.deeplearning4j.") || layer instanceof Dl4jLayerWithOwnRunner)
                && !(((BaseLayer) layer).getWeightInitFn() instanceof WeightInitConstant)
                && !(layer instanceof EmbeddingLayer)
                && !(layer instanceof EmbeddingSequenceLayer);
    }
}
