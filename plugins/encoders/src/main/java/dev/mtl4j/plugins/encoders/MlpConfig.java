package dev.mtl4j.plugins.encoders;

import dev.mtl4j.api.graph.ActivationName;
import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code mlp} encoder's parameters.
 *
 * @param hidden the width of each dense layer, bottom first
 * @param activation the activation of every layer
 * @param dropout the probability of dropping a unit after each layer
 */
public record MlpConfig(
        @Param(doc = "width of each dense layer, bottom first", min = 1) List<Integer> hidden,
        @Param(doc = "activation of every layer", defaultValue = "relu") ActivationName activation,
        @Param(doc = "probability of dropping a unit after each layer", defaultValue = "0.0", min = 0, max = 0.95)
        double dropout) {

    public MlpConfig {
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty()) {
            throw new dev.mtl4j.api.spec.SpecException("hidden", "give at least one layer width");
        }
    }
}
