package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.Param;

/**
 * The {@code uncertainty} method's parameters.
 *
 * @param lr the learning rate of log σ_i², or null for the network's
 * @param init the starting log σ_i² of every task
 */
public record UncertaintyConfig(
        @Param(doc = "learning rate of the learned log σ² (Adam); absent: the network optimizer's", defaultValue = Param.NONE,
                min = 0) Double lr,
        @Param(doc = "starting log σ² of every task (0: λ = 1/2)", defaultValue = "0.0", min = -10, max = 10) double init) {
}
