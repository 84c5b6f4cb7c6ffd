package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.Param;

/**
 * The {@code gradual-unfreezing} strategy's parameters.
 *
 * @param lr the learning rate of the encoder's top layer; absent: the pipeline's
 * @param decay each lower layer's learning rate is this factor of the one above
 * @param every epochs between two unfreezings
 */
public record GradualUnfreezingConfig(
        @Param(doc = "learning rate of the encoder's top layer; the pipeline's learning rate when absent",
                defaultValue = Param.NONE, min = 0) Double lr,
        @Param(doc = "each lower encoder layer learns at this factor of the rate of the layer above it",
                defaultValue = "1.0", min = 1e-6, max = 1) double decay,
        @Param(doc = "epochs between two unfreezings: the heads alone for this many epochs, then one more layer",
                defaultValue = "1", min = 1) int every) {
}
