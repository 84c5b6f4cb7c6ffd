package dev.mtl4j.plugins.text;

import dev.mtl4j.api.graph.ActivationName;
import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code minilm} encoder's parameters.
 *
 * @param hidden trainable dense layers on the frozen 384-wide sentence embedding, bottom first
 * @param activation the activation of those layers
 * @param dropout the probability of dropping a unit after each dense layer
 * @param cache the folder of the embedding cache; empty: {@code $MTL4J_CACHE/embeddings}, else
 *     {@code ~/.cache/mtl4j/embeddings}
 * @param batch texts per call to the language model
 */
public record MiniLmConfig(
        @Param(doc = "trainable dense layers on the frozen 384-wide embedding ([] = the heads read it directly)",
                defaultValue = "[128]", min = 1) List<Integer> hidden,
        @Param(doc = "activation of the dense layers", defaultValue = "relu") ActivationName activation,
        @Param(doc = "probability of dropping a unit after each dense layer", defaultValue = "0.0", min = 0, max = 0.95)
        double dropout,
        @Param(doc = "embedding cache folder (default $MTL4J_CACHE/embeddings, else ~/.cache/mtl4j/embeddings)",
                defaultValue = "") String cache,
        @Param(doc = "texts per call to the language model (progress is reported after each)", defaultValue = "32",
                min = 1, max = 4096) int batch) {

    public MiniLmConfig {
        hidden = DenseStack.widths(hidden);
        cache = cache == null ? "" : cache;
    }

    /** The cache folder this config names, or the default one. */
    java.nio.file.Path cacheDirectory() {
        if (!cache.isBlank()) {
            return java.nio.file.Path.of(cache);
        }
        String root = System.getenv("MTL4J_CACHE");
        return root != null && !root.isBlank() ? java.nio.file.Path.of(root, "embeddings")
                : java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "mtl4j", "embeddings");
    }
}
