package dev.mtl4j.examples.residual;

import dev.mtl4j.api.spi.Param;

/**
 * The {@code residual-mlp} encoder's parameters.
 *
 * @param width the width of the projection and of every block
 * @param blocks the number of residual blocks
 */
public record ResidualMlpConfig(
        @Param(doc = "width of the input projection and of every residual block", defaultValue = "128", min = 1) int width,
        @Param(doc = "number of residual blocks (dense, dense, add the block's input)", defaultValue = "2", min = 1, max = 64)
        int blocks) {
}
