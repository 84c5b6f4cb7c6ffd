package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.Param;

/**
 * The {@code dwa} method's parameters.
 *
 * @param temperature T of the softmax over the loss ratios
 */
public record DwaConfig(
        @Param(doc = "softmax temperature T over the tasks' loss ratios: larger is softer", defaultValue = "2.0", min = 0.01)
        double temperature) {
}
