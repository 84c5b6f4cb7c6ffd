package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.Param;

/**
 * The {@code gradnorm} method's parameters.
 *
 * @param alpha α, the strength of the pull towards equal training rates
 * @param lr the learning rate of the task weights, or null for the network's
 * @param gradients where the gradient norms are measured
 */
public record GradNormConfig(
        @Param(doc = "α: how strongly tasks are pulled back to a common training rate (0: equal gradient norms)",
                defaultValue = "1.5", min = 0, max = 10) double alpha,
        @Param(doc = "learning rate of the task weights (Adam); absent: the network optimizer's", defaultValue = Param.NONE,
                min = 0) Double lr,
        @Param(doc = "where ‖∇L_i‖ is measured: representation (the heads' shared input, cheap) or parameters (the weights "
                + "of the last shared layer, the paper's W)", defaultValue = "representation") GradientSite gradients) {
}
