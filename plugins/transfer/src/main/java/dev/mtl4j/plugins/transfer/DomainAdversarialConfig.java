package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code domain-adversarial} (DANN) strategy's parameters.
 *
 * @param lambda the largest coefficient λ of the reversed gradient
 * @param schedule how λ moves over training
 * @param gamma the steepness γ of the {@code ganin} schedule
 * @param hidden the domain classifier's hidden layer widths
 * @param lr the source encoder's learning rate in a transfer pipeline
 */
public record DomainAdversarialConfig(
        @Param(doc = "largest weight λ of the domain classifier's reversed gradient in the encoder's gradient",
                defaultValue = "1.0", min = 0, max = 1e6) double lambda,
        @Param(doc = "how λ moves over training: ganin (λ·(2/(1+exp(−γ·p))−1), p the progress of training from 0 to 1;"
                + " Ganin et al. 2016) or constant", defaultValue = "ganin") Schedule schedule,
        @Param(doc = "steepness γ of the ganin schedule", defaultValue = "10.0", min = 1e-6, max = 1e6) double gamma,
        @Param(doc = "hidden layer widths of the domain classifier (ReLU); [] for a logistic regression on the features",
                defaultValue = "[64]", min = 1) List<Integer> hidden,
        @Param(doc = "learning rate of the source encoder in a transfer pipeline; the pipeline's learning rate when absent",
                defaultValue = Param.NONE, min = 0) Double lr) {

    public DomainAdversarialConfig {
        hidden = List.copyOf(hidden);
    }

    /** How the reversal coefficient moves over training. */
    public enum Schedule {
        /** λ_p = λ·(2/(1+exp(−γ·p))−1): from 0 at the start towards λ. */
        GANIN,
        /** λ from the first step. */
        CONSTANT
    }
}
