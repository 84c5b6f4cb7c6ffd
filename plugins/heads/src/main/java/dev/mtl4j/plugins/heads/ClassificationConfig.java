package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.LossWeights;
import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code classification} head's parameters.
 *
 * @param classes the number of classes, checked against the data; absent: taken from the data
 * @param hidden widths of dense layers before the output
 * @param classWeights weights of each class's examples in the loss: a map or {@code balanced}, or null for ones
 * @param focal the focal-loss exponent γ; 0 is plain cross-entropy
 */
public record ClassificationConfig(
        @Param(doc = "number of classes; checked against the label column, taken from it when absent",
                defaultValue = Param.NONE, min = 2) Integer classes,
        @Param(doc = "widths of dense ReLU layers between the shared representation and the output",
                defaultValue = "[]", min = 1) List<Integer> hidden,
        @Param(doc = "weight of each class's examples in the loss: a map of class names to numbers (classes not "
                + "named weigh 1), or balanced for rows / (classes x rows of the class) from the training rows; "
                + "absent: all 1", defaultValue = Param.NONE) LossWeights classWeights,
        @Param(doc = "focal-loss exponent gamma (Lin et al. 2017): down-weighs examples already classified well; "
                + "0 is plain cross-entropy, 2 is usual", defaultValue = "0", min = 0, max = 10) double focal) {

    public ClassificationConfig {
        hidden = List.copyOf(hidden);
    }
}
