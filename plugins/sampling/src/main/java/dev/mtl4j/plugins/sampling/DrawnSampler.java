package dev.mtl4j.plugins.sampling;

import dev.mtl4j.api.spi.TaskSampler;
import java.util.random.RandomGenerator;

/**
 * Draws each batch's data set independently with fixed probabilities. The epoch is as long as
 * proportional sampling's (one pass's batches), so epochs cost the same whichever sampler runs;
 * a small data set drawn more often than it has batches goes round its rows again.
 */
abstract class DrawnSampler implements TaskSampler {

    /** Unnormalised probabilities, one per data set. */
    abstract double[] weights(int[] rows);

    @Override
    public final int[] epoch(int[] rows, int batchSize, RandomGenerator random) {
        double[] weights = weights(rows);
        double[] cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        int[] order = new int[TaskSampler.passBatches(rows, batchSize)];
        for (int b = 0; b < order.length; b++) {
            double u = random.nextDouble() * total;
            int set = 0;
            while (set < cumulative.length - 1 && u >= cumulative[set]) {
                set++;
            }
            order[b] = set;
        }
        return order;
    }
}
