package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.Param;

/**
 * The parameter every gradient method has and some have alone.
 *
 * @param gradients where each task's gradient is taken
 */
public record GradientsConfig(
        @Param(doc = "where each task's gradient is taken: parameters (the shared parameters, exact, one backward pass a "
                + "task) or representation (the heads' shared input, one backward pass through the encoder)",
                defaultValue = "parameters") GradientSite gradients) {
}
