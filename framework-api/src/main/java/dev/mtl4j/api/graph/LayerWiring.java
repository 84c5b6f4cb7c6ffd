package dev.mtl4j.api.graph;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every custom DL4J layer's {@code instantiate} does once it has made its layer object: listeners,
 * index, the parameter view and its table (initialised or not, as DL4J asks) and the configuration —
 * in DL4J's own order, so that the layer's parameters are views of the network's flattened array.
 */
public final class LayerWiring {
    private LayerWiring() {
    }

    /** Wires {@code layer} into its network as DL4J's built-in layers are, and returns it. */
    public static <L extends Layer> L wire(L layer, NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                           int layerIndex, INDArray paramsView, boolean initializeParams,
                                           ParamInitializer initializer) {
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer.init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
