package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.transfer.TransferResult;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Transfer against from scratch, task by task on the test rows (validation rows without a test
 * split), with a plain verdict: negative transfer happens, and the user should see it.
 */
final class BaselineComparison {
    private static final Set<String> LOWER_IS_BETTER = Set.of("log-loss", "mse", "mae");

    private BaselineComparison() {
    }

    static String render(TransferResult result) {
        String split = result.transferred().metrics().containsKey("test") ? "test"
                : result.transferred().metrics().containsKey("validation") ? "validation" : "train";
        Map<String, Map<String, Double>> transferred = result.transferred().metrics().get(split);
        Map<String, Map<String, Double>> scratch = result.baseline().metrics().get(split);
        StringBuilder text = new StringBuilder("transfer vs from scratch (same epochs, data and optimizer), " + split + " rows:");
        transferred.forEach((task, metrics) -> {
            metrics.forEach((metric, value) -> {
                double base = scratch.get(task).get(metric);
                text.append(String.format(Locale.ROOT, "%n  %-16s %-10s transfer %.4f  scratch %.4f  (%+.4f)", task, metric,
                        value, base, value - base));
            });
            String primary = metrics.keySet().iterator().next();
            double gain = metrics.get(primary) - scratch.get(task).get(primary);
            boolean better = LOWER_IS_BETTER.contains(primary) ? gain < 0 : gain > 0;
            text.append(String.format(Locale.ROOT, "%n  %s: %s", task, gain == 0 ? "transfer made no difference"
                    : better ? "transfer helped" : "transfer hurt (negative transfer): the from-scratch model is better"));
        });
        return text.toString();
    }
}
