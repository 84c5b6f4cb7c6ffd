package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.Param;

/**
 * The {@code upgrad} method's parameters (TorchJD's defaults).
 *
 * @param normEps below this squared Frobenius norm of the gradients their Gram matrix counts as zero
 * @param regEps the ridge added to the normalised Gram matrix
 * @param gradients where each task's gradient is taken
 */
public record UpGradConfig(
        @Param(doc = "below this squared Frobenius norm of the task gradients their Gram matrix counts as zero (the "
                + "update is then their mean)", defaultValue = "0.0001",
                min = 0) double normEps,
        @Param(doc = "ridge added to the trace-normalised Gram matrix, keeping it positive definite", defaultValue = "0.0001",
                min = 0) double regEps,
        @Param(doc = "where each task's gradient is taken: parameters (exact) or representation", defaultValue = "parameters")
        GradientSite gradients) {
}
