package dev.mtl4j.spark;

import java.io.Serializable;

/**
 * The workers' results of one averaging round, summed by Spark's tree aggregation: each worker's
 * optimizer state weighted by the batches it trained, its parameters weighted the same (to be
 * averaged) or not at all (to sum the workers' changes; {@code merge: sum}), a worker whose share ran
 * out adding nothing; the training loss, and the most steps one worker took (the counters' advance).
 */
final class RoundSum implements Serializable {
    private static final long serialVersionUID = 1L;

    float[] params;
    float[] updaterState;
    long batches;
    int longestSteps;
    int workers;
    double slowestSeconds;
    /** Each executor's peak resident memory so far, by executor id. */
    java.util.TreeMap<String, Long> peakResident = new java.util.TreeMap<>();
    double lossSum;
    double[] taskLossSums;
    long[] taskBatches;
    String stepName;

    static RoundSum empty() {
        return new RoundSum();
    }

    /**
     * One worker's result: its state after {@code steps} steps.
     *
     * @param weighParams whether its parameters are weighted by its steps (to be averaged) or summed as they are
     */
    static RoundSum of(float[] params, boolean weighParams, float[] updaterState, int steps, double lossSum,
                       double[] taskLossSums, long[] taskBatches, String stepName, double seconds) {
        RoundSum sum = new RoundSum();
        sum.params = weighParams ? scaled(params, steps) : params;
        sum.updaterState = scaled(updaterState, steps);
        sum.batches = steps;
        sum.longestSteps = steps;
        sum.workers = 1;
        sum.slowestSeconds = seconds;
        sum.peakResident.put(org.apache.spark.SparkEnv.get().executorId(), ResidentMemory.peakBytes());
        sum.lossSum = lossSum;
        sum.taskLossSums = taskLossSums;
        sum.taskBatches = taskBatches;
        sum.stepName = stepName;
        return sum;
    }

    /** The two sums added (into this one, which Spark lets an aggregation reuse). */
    RoundSum plus(RoundSum other) {
        if (other.batches == 0) {
            return this;
        }
        if (batches == 0) {
            return other;
        }
        add(params, other.params);
        add(updaterState, other.updaterState);
        batches += other.batches;
        longestSteps = Math.max(longestSteps, other.longestSteps);
        workers += other.workers;
        slowestSeconds = Math.max(slowestSeconds, other.slowestSeconds);
        other.peakResident.forEach((executor, bytes) -> peakResident.merge(executor, bytes, Math::max));
        lossSum += other.lossSum;
        for (int t = 0; t < taskLossSums.length; t++) {
            taskLossSums[t] += other.taskLossSums[t];
            taskBatches[t] += other.taskBatches[t];
        }
        return this;
    }

    /**
     * The round's start moved by every worker's change: the sum of the workers' (unweighted)
     * parameters less the start counted once per worker but one.
     */
    float[] changesAdded(float[] start) {
        float[] moved = new float[start.length];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = (float) (params[i] - (workers - 1) * (double) start[i]);
        }
        return moved;
    }

    /** The weighted mean of a summed array. */
    float[] mean(float[] summed) {
        float[] mean = new float[summed.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (summed[i] / (double) batches);
        }
        return mean;
    }

    private static float[] scaled(float[] values, int weight) {
        float[] scaled = new float[values.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = values[i] * weight;
        }
        return scaled;
    }

    private static void add(float[] into, float[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }
}
