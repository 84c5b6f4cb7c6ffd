package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The parameters of the {@code multilabel} head.
 *
 * @param hidden widths of dense layers before the output
 */
public record SigmoidConfig(
        @Param(doc = "widths of dense ReLU layers between the shared representation and the output",
                defaultValue = "[]", min = 1) List<Integer> hidden) {

    public SigmoidConfig {
        hidden = List.copyOf(hidden);
    }
}
