package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.LossWeights;
import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code binary} head's parameters.
 *
 * @param hidden widths of dense layers before the output
 * @param positive the label value read as positive, or null for the default
 * @param positiveWeight the weight of a positive example's loss: a number or {@code auto}, or null for 1
 * @param focal the focal-loss exponent γ; 0 is plain cross-entropy
 * @param threshold the probability of the positive value above which it is predicted
 * @param chooseThreshold whether the threshold is chosen on the validation rows after training instead
 */
public record BinaryConfig(
        @Param(doc = "widths of dense ReLU layers between the shared representation and the output",
                defaultValue = "[]", min = 1) List<Integer> hidden,
        @Param(doc = "the label value that is positive (encoded 1, its F1 reported); absent: 1/true/yes when the "
                + "column holds such values, else the second value in sorted order",
                defaultValue = Param.NONE) String positive,
        @Param(doc = "weight of a positive example's loss: a number, or auto for negatives/positives in the training "
                + "rows (for rare positives); absent: 1", defaultValue = Param.NONE) LossWeights positiveWeight,
        @Param(doc = "focal-loss exponent gamma (Lin et al. 2017): down-weighs examples already classified well; "
                + "0 is plain cross-entropy, 2 is usual", defaultValue = "0", min = 0, max = 10) double focal,
        @Param(doc = "the probability of the positive value above which it is predicted (metrics, predictions)",
                defaultValue = "0.5", min = 0, max = 1) double threshold,
        @Param(doc = "f1: after training, set the threshold to the one with the best F1 of the positive value on the "
                + "validation rows (needs data.split.validation), kept in the model; none: keep threshold",
                defaultValue = "none") ThresholdChoice chooseThreshold) {

    public BinaryConfig {
        hidden = List.copyOf(hidden);
    }
}
