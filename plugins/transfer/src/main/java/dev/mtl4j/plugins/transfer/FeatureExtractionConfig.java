package dev.mtl4j.plugins.transfer;

/** Feature extraction has no parameters: the encoder is frozen whole. */
public record FeatureExtractionConfig() {
}
