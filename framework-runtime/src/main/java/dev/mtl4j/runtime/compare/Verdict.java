package dev.mtl4j.runtime.compare;

import java.util.List;

/**
 * The verdict on a task over all its metrics: A helped when some metric is clearly better and none
 * clearly worse, hurt (negative transfer) when some is clearly worse and none clearly better, and
 * otherwise — nothing clear, or better on one metric and worse on another — no clear difference.
 *
 * @param kind helped, hurt or no clear difference
 * @param better the metrics clearly better
 * @param worse the metrics clearly worse
 */
public record Verdict(Kind kind, List<String> better, List<String> worse) {

    public enum Kind { HELPED, HURT, NO_CLEAR_DIFFERENCE }

    public Verdict {
        better = List.copyOf(better);
        worse = List.copyOf(worse);
    }

    static Verdict of(List<MetricComparison> metrics) {
        List<String> better = metrics.stream().filter(m -> m.outcome() == Outcome.BETTER).map(MetricComparison::metric).toList();
        List<String> worse = metrics.stream().filter(m -> m.outcome() == Outcome.WORSE).map(MetricComparison::metric).toList();
        Kind kind = !better.isEmpty() && worse.isEmpty() ? Kind.HELPED : !worse.isEmpty() && better.isEmpty() ? Kind.HURT
                : Kind.NO_CLEAR_DIFFERENCE;
        return new Verdict(kind, better, worse);
    }

    /** E.g. {@code multi-task learning helped (better accuracy, macro-f1)}. */
    public String text(String subject, String other) {
        String detail = (better.isEmpty() ? "" : "better " + String.join(", ", better))
                + (!better.isEmpty() && !worse.isEmpty() ? "; " : "") + (worse.isEmpty() ? "" : "worse " + String.join(", ", worse));
        return switch (kind) {
            case HELPED -> subject + " helped (" + detail + ")";
            case HURT -> subject + " hurt (negative transfer): " + other + " is better (" + detail + ")";
            case NO_CLEAR_DIFFERENCE -> "no clear difference" + (detail.isEmpty() ? "" : " (" + detail + ")");
        };
    }
}
