package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.transfer.DomainAdaptation;
import dev.mtl4j.runtime.transfer.TransferResult;
import java.util.Locale;
import java.util.Map;

/**
 * Transfer against from scratch, task by task on the test rows (validation rows without a test
 * split), with a plain verdict: negative transfer happens, and the user should see it.
 */
final class BaselineComparison {

    private BaselineComparison() {
    }

    static String render(TransferResult result) {
        String split = result.transferred().metrics().containsKey(DomainAdaptation.TARGET) ? DomainAdaptation.TARGET
                : result.transferred().metrics().containsKey("test") ? "test"
                : result.transferred().metrics().containsKey("validation") ? "validation" : "train";
        Map<String, Map<String, Double>> transferred = result.transferred().metrics().get(split);
        Map<String, Map<String, Double>> baseline = result.baseline().metrics().get(split);
        String name = result.name();
        String other = result.baselineName();
        StringBuilder text = new StringBuilder(name + " vs " + other + " (same epochs, data and optimizer), " + split + " rows:");
        transferred.forEach((task, metrics) -> {
            metrics.forEach((metric, value) -> {
                double base = baseline.get(task).get(metric);
                text.append(String.format(Locale.ROOT, "%n  %-16s %-10s %s %.4f  %s %.4f  (%+.4f)", task, metric,
                        name, value, other, base, value - base));
            });
            String primary = metrics.keySet().iterator().next();
            double gain = metrics.get(primary) - baseline.get(task).get(primary);
            boolean better = dev.mtl4j.api.spec.EarlyStoppingSpec.lowerIsBetter(primary) ? gain < 0 : gain > 0;
            text.append(String.format(Locale.ROOT, "%n  %s: %s", task, gain == 0 ? name + " made no difference"
                    : better ? name + " helped" : name + " hurt (negative transfer): the " + other.replace(" ", "-")
                    + " model is better"));
        });
        return text.toString();
    }
}
