package dev.mtl4j.plugins.text.transformer;

/**
 * The pretrained weights, read once when first needed and shared by everything one encoder makes
 * (featurisation and layers): reading the 90 MB ONNX file takes seconds.
 */
final class SharedWeights {
    private PretrainedWeights weights;

    synchronized PretrainedWeights get() {
        if (weights == null) {
            weights = PretrainedWeights.load(PretrainedWeights.MINILM);
        }
        return weights;
    }
}
