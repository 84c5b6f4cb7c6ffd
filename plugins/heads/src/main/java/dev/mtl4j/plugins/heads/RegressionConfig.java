package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code regression} head's parameters.
 *
 * @param outputs the number of outputs, checked against the task's label columns
 * @param loss mse or mae
 * @param hidden widths of dense layers before the output
 */
public record RegressionConfig(
        @Param(doc = "number of outputs; must equal the task's label columns, taken from them when absent",
                defaultValue = Param.NONE, min = 1) Integer outputs,
        @Param(doc = "loss on the standardised targets: mse or mae", defaultValue = "mse") RegressionLoss loss,
        @Param(doc = "widths of dense ReLU layers between the shared representation and the output",
                defaultValue = "[]", min = 1) List<Integer> hidden) {

    public RegressionConfig {
        hidden = List.copyOf(hidden);
    }
}
