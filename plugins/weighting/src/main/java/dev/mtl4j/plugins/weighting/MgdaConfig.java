package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.Param;

/**
 * The {@code mgda} method's parameters.
 *
 * @param gradients where each task's gradient is taken; the representation gives MGDA-UB
 */
public record MgdaConfig(
        @Param(doc = "where each task's gradient is taken: representation (MGDA-UB, Sener and Koltun's upper bound: one "
                + "backward pass through the encoder) or parameters (the shared parameters, exact MGDA)",
                defaultValue = "representation") GradientSite gradients) {
}
