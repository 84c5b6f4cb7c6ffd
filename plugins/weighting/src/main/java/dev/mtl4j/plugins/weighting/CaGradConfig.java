package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.Param;

/**
 * The {@code cagrad} method's parameters (defaults of LibMTL and the authors' code).
 *
 * @param c the radius of the ball around the mean gradient, as a share of its norm
 * @param rescale how the update is scaled afterwards
 * @param gradients where each task's gradient is taken
 */
public record CaGradConfig(
        @Param(doc = "c: the update stays within c·‖g0‖ of the mean gradient g0 (0: plain averaging)", defaultValue = "0.5",
                min = 0) double c,
        @Param(doc = "rescaling of the update: 0 none, 1 divide by 1+c², 2 divide by 1+c", defaultValue = "1", min = 0, max = 2)
        int rescale,
        @Param(doc = "where each task's gradient is taken: parameters (exact) or representation", defaultValue = "parameters")
        GradientSite gradients) {
}
