package dev.mtl4j.plugins.sampling;

import dev.mtl4j.api.spi.Param;

/**
 * The {@code temperature} sampler's parameters.
 *
 * @param temperature T in p ∝ rows^(1/T)
 */
public record TemperatureConfig(
        @Param(doc = "T in p ∝ rows^(1/T): 1 is proportional to size, larger values approach uniform",
                defaultValue = "2.0", min = 0.01) double temperature) {
}
