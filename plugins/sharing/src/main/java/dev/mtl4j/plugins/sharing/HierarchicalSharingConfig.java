package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.Param;
import java.util.Map;

/**
 * The {@code hierarchical} strategy's parameters.
 *
 * @param at task name to the encoder depth its head reads (1 = the first layer); unnamed tasks read the top
 */
public record HierarchicalSharingConfig(
        @Param(doc = "task -> encoder depth its head reads, 1 = first layer (e.g. {marital: 1, income: 2}); "
                + "tasks not named read the top", defaultValue = "{}", min = 1) Map<String, Integer> at) {

    public HierarchicalSharingConfig {
        at = Map.copyOf(at);
    }
}
