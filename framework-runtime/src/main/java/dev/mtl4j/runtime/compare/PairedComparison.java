package dev.mtl4j.runtime.compare;

import dev.mtl4j.runtime.eval.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Model A against model B, task by task and metric by metric, on the same rows, over one or more
 * seeds (seed s trains both A and B), with a rule that accounts for noise:
 *
 * <ul>
 *   <li>the difference is the mean over seeds of A − B;</li>
 *   <li>its 95% interval combines two half-widths in quadrature: the seeds' (Student's t over the
 *       per-seed differences, from two seeds on) and the rows' (a paired bootstrap: the same
 *       resample of the rows scores every seed's A and B, {@value #RESAMPLES} times, on at most
 *       {@value #MAX_ROWS} rows spread over them; the half-width of the 2.5–97.5 percentile range);</li>
 *   <li>a metric is better or worse when the interval excludes 0, in the metric's direction
 *       (lower is better for log-loss, mse, mae); otherwise unclear.</li>
 * </ul>
 *
 * With one seed only the rows' noise is known: run several seeds to cover the training's own.
 */
public final class PairedComparison {
    static final int RESAMPLES = 1000;
    static final int MAX_ROWS = 10_000;

    private PairedComparison() {
    }

    /**
     * @param a per task, A's rows for each seed (in seed order)
     * @param b per task, B's rows for each seed, the same rows as A's
     * @param seed seeds the bootstrap's resampling
     */
    public static List<TaskComparison> compare(Map<String, List<TaskRows>> a, Map<String, List<TaskRows>> b, long seed) {
        List<TaskComparison> tasks = new ArrayList<>();
        for (Map.Entry<String, List<TaskRows>> task : a.entrySet()) {
            List<TaskRows> as = task.getValue();
            List<TaskRows> bs = b.get(task.getKey());
            for (int s = 0; s < as.size(); s++) {
                if (!as.get(s).alignsWith(bs.get(s))) {
                    throw new IllegalStateException("task '" + task.getKey() + "': the two models were not measured on the same rows");
                }
            }
            tasks.add(task(task.getKey(), as, bs, new Random(seed)));
        }
        return tasks;
    }

    private static TaskComparison task(String name, List<TaskRows> as, List<TaskRows> bs, Random random) {
        int seeds = as.size();
        List<Map<String, Double>> aMetrics = as.stream().map(TaskRows::metrics).toList();
        List<Map<String, Double>> bMetrics = bs.stream().map(TaskRows::metrics).toList();
        List<String> names = List.copyOf(aMetrics.get(0).keySet());
        double[][] resampled = bootstrap(spread(as), spread(bs), names, random);
        List<MetricComparison> metrics = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            String metric = names.get(m);
            double[] differences = new double[seeds];
            double aMean = 0;
            double bMean = 0;
            for (int s = 0; s < seeds; s++) {
                differences[s] = aMetrics.get(s).get(metric) - bMetrics.get(s).get(metric);
                aMean += aMetrics.get(s).get(metric) / seeds;
                bMean += bMetrics.get(s).get(metric) / seeds;
            }
            double mean = Arrays.stream(differences).average().orElse(Double.NaN);
            double half = Math.hypot(seedHalfWidth(differences), rowHalfWidth(resampled[m]));
            double low = mean - half;
            double high = mean + half;
            boolean higher = Metrics.higherIsBetter(metric);
            Outcome outcome = !Double.isFinite(low) || !Double.isFinite(high) ? Outcome.UNCLEAR
                    : low > 0 ? (higher ? Outcome.BETTER : Outcome.WORSE)
                    : high < 0 ? (higher ? Outcome.WORSE : Outcome.BETTER) : Outcome.UNCLEAR;
            metrics.add(new MetricComparison(metric, aMean, bMean, mean, low, high, outcome));
        }
        return new TaskComparison(name, metrics, Verdict.of(metrics));
    }

    /** Student's t half-width of the mean difference over seeds; 0 with one seed. */
    static double seedHalfWidth(double[] differences) {
        int n = differences.length;
        if (n < 2) {
            return 0;
        }
        double mean = Arrays.stream(differences).average().orElseThrow();
        double variance = Arrays.stream(differences).map(d -> (d - mean) * (d - mean)).sum() / (n - 1);
        return new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(variance / n);
    }

    /** Half the 2.5–97.5 percentile range of the resampled mean differences. */
    private static double rowHalfWidth(double[] resampled) {
        double[] finite = Arrays.stream(resampled).filter(Double::isFinite).sorted().toArray();
        if (finite.length < resampled.length * 0.9) {
            return Double.NaN;
        }
        double low = finite[(int) Math.floor(0.025 * (finite.length - 1))];
        double high = finite[(int) Math.ceil(0.975 * (finite.length - 1))];
        return (high - low) / 2;
    }

    /** Per metric, {@value #RESAMPLES} resampled means over seeds of A − B; one resample of the rows serves every seed. */
    private static double[][] bootstrap(List<TaskRows> as, List<TaskRows> bs, List<String> names, Random random) {
        int rows = as.get(0).rows();
        double[][] result = new double[names.size()][RESAMPLES];
        int[] picked = new int[rows];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < rows; i++) {
                picked[i] = random.nextInt(rows);
            }
            for (int s = 0; s < as.size(); s++) {
                Map<String, Double> a = as.get(s).pick(picked).metrics();
                Map<String, Double> b = bs.get(s).pick(picked).metrics();
                for (int m = 0; m < names.size(); m++) {
                    result[m][r] += (a.get(names.get(m)) - b.get(names.get(m))) / as.size();
                }
            }
        }
        return result;
    }

    /** At most {@value #MAX_ROWS} rows, spread over them, for the bootstrap's sake. */
    private static List<TaskRows> spread(List<TaskRows> rows) {
        int n = rows.get(0).rows();
        if (n <= MAX_ROWS) {
            return rows;
        }
        int[] indexes = new int[MAX_ROWS];
        for (int i = 0; i < MAX_ROWS; i++) {
            indexes[i] = (int) ((long) i * n / MAX_ROWS);
        }
        return rows.stream().map(r -> r.pick(indexes)).toList();
    }
}
