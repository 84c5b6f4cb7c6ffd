package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.Param;
import java.util.Map;

/**
 * The {@code task-adapters} strategy's parameters.
 *
 * @param sets task name to the number of the adapter set it uses: tasks given the same number share
 *     one set; a task not named gets a set of its own
 */
public record TaskAdaptersConfig(
        @Param(doc = "task -> adapter set number; tasks with the same number share one set of adapters (or LoRA"
                + " matrices, or tuned layers), e.g. {is_spam: 1, hard_ham: 1}; a task not named gets its own",
                defaultValue = "{}", min = 1) Map<String, Integer> sets) {

    public TaskAdaptersConfig {
        sets = Map.copyOf(sets);
    }
}
