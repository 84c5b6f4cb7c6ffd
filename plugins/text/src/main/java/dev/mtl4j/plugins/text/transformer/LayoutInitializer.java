package dev.mtl4j.plugins.text.transformer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Lays a {@link PretrainedLayer}'s parameters out in the network's flat parameter vector, in its layout order. */
final class LayoutInitializer implements ParamInitializer {

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return ((PretrainedLayer) layer).layout().stream().mapToLong(p -> PretrainedLayer.length(p.shape())).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return ((PretrainedLayer) layer).layout().stream().map(BlockSpec.Param::key).toList();
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return paramKeys(layer).stream().filter(k -> !isBias(k)).toList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return paramKeys(layer).stream().filter(LayoutInitializer::isBias).toList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return !isBias(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return isBias(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = views(conf.getLayer(), paramsView);
        if (initializeParams) {
            ((PretrainedLayer) conf.getLayer()).initialize(params, conf.getSeed());
        }
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views(conf.getLayer(), gradientView);
    }

    /** Biases, layer-norm shifts and gains: the parameters DL4J's bias settings (updater, regularization) apply to. */
    private static boolean isBias(String key) {
        return key.endsWith("b") || key.endsWith("Bias") || key.endsWith("Gain");
    }

    private static Map<String, INDArray> views(Layer layer, INDArray flat) {
        Map<String, INDArray> views = new LinkedHashMap<>();
        long offset = 0;
        INDArray row = flat.reshape(flat.length());
        for (BlockSpec.Param param : ((PretrainedLayer) layer).layout()) {
            long length = PretrainedLayer.length(param.shape());
            views.put(param.key(), row.get(NDArrayIndex.interval(offset, offset + length)).reshape('c', param.shape()));
            offset += length;
        }
        return views;
    }
}
