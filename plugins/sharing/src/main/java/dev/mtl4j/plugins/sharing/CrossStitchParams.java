package dev.mtl4j.plugins.sharing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The one parameter of a cross-stitch unit, α (T×T), as a view of the network's flat parameter vector. */
final class CrossStitchParams implements ParamInitializer {
    static final CrossStitchParams INSTANCE = new CrossStitchParams();

    private CrossStitchParams() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        int towers = ((CrossStitchLayer) layer).getTowers();
        return (long) towers * towers;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(CrossStitchLayer.ALPHA);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return false;
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return false;
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
        int towers = ((CrossStitchLayer) conf.getLayer()).getTowers();
        INDArray alpha = paramsView.reshape('c', towers, towers);
        if (initialize) {
            double other = (1 - CrossStitchLayer.SELF) / (towers - 1);
            for (int i = 0; i < towers; i++) {
                for (int j = 0; j < towers; j++) {
                    alpha.putScalar(i, j, i == j ? CrossStitchLayer.SELF : other);
                }
            }
        }
        Map<String, INDArray> table = new LinkedHashMap<>();
        table.put(CrossStitchLayer.ALPHA, alpha);
        return table;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        int towers = ((CrossStitchLayer) conf.getLayer()).getTowers();
        Map<String, INDArray> table = new LinkedHashMap<>();
        table.put(CrossStitchLayer.ALPHA, gradientView.reshape('c', towers, towers));
        return table;
    }
}
