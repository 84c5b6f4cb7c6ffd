package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code classification} head's parameters.
 *
 * @param classes the number of classes, checked against the data; absent: taken from the data
 * @param hidden widths of dense layers before the output
 */
public record ClassificationConfig(
        @Param(doc = "number of classes; checked against the label column, taken from it when absent",
                defaultValue = Param.NONE, min = 2) Integer classes,
        @Param(doc = "widths of dense ReLU layers between the shared representation and the output",
                defaultValue = "[]", min = 1) List<Integer> hidden) {

    public ClassificationConfig {
        hidden = List.copyOf(hidden);
    }
}
