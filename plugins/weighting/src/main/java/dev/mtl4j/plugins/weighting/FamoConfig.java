package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.Param;

/**
 * The {@code famo} method's parameters (defaults of the authors' code).
 *
 * @param lr the learning rate of the task logits
 * @param decay γ, the weight decay of the task logits
 */
public record FamoConfig(
        @Param(doc = "learning rate of the task logits ξ (Adam)", defaultValue = "0.025", min = 0) double lr,
        @Param(doc = "γ: weight decay of the task logits, pulling the weights back towards equal", defaultValue = "0.01", min = 0)
        double decay) {
}
