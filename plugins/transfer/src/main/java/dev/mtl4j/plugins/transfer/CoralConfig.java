package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.Param;

/**
 * The {@code coral} strategy's parameters.
 *
 * @param weight the CORAL loss's weight in the joint loss
 * @param lr the source encoder's learning rate in a transfer pipeline
 */
public record CoralConfig(
        @Param(doc = "weight of the CORAL loss (w/(4d²)·‖C_S − C_T‖², the covariance distance at the encoder's output)"
                + " in the joint loss", defaultValue = "1.0", min = 0, max = 1e9) double weight,
        @Param(doc = "learning rate of the source encoder in a transfer pipeline; the pipeline's learning rate when absent",
                defaultValue = Param.NONE, min = 0) Double lr) {
}
