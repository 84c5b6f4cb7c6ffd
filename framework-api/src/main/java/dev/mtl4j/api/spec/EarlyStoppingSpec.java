package dev.mtl4j.api.spec;

/**
 * Stop when a validation metric has not improved for {@code patience} epochs, and keep the best
 * epoch's parameters. The metric is {@code loss} (the joint validation loss), or a task's metric
 * such as {@code accuracy} when {@code task} is set. Losses and errors are minimised; other metrics
 * are maximised.
 *
 * @param task the task whose metric is watched, or null for the joint loss
 * @param metric the metric's name
 * @param patience epochs without improvement before stopping, ≥ 1
 */
public record EarlyStoppingSpec(String task, String metric, int patience) {

    public EarlyStoppingSpec {
        SpecException.requireName(metric, "metric");
        SpecException.require(patience >= 1, "patience", "must be >= 1, got " + patience);
        SpecException.require(task != null || metric.equals("loss"), "task",
                "name the task whose '" + metric + "' is watched, or watch metric 'loss'");
    }

    /** Whether a smaller value of the metric is better. */
    public boolean minimise() {
        return lowerIsBetter(metric);
    }

    /**
     * Whether a smaller value of a metric is better: losses and errors ({@code loss}, {@code log-loss},
     * {@code mse}, {@code mae}, an ordinal task's {@code rank-mae}); the one list the runtime's reports read too.
     */
    public static boolean lowerIsBetter(String metric) {
        return switch (metric) {
            case "loss", "log-loss", "mse", "mae", "rank-mae" -> true;
            default -> false;
        };
    }
}
