package dev.mtl4j.plugins.sampling;

import dev.mtl4j.api.spi.TaskSampler;
import java.util.random.RandomGenerator;

/**
 * The data sets take turns in task order, one batch each: 0, 1, 2, 0, 1, 2, ... for as many batches
 * as one pass over every row. Every epoch starts again with the first data set.
 */
final class RoundRobinSampler implements TaskSampler {

    @Override
    public int[] epoch(int[] rows, int batchSize, RandomGenerator random) {
        int[] order = new int[TaskSampler.passBatches(rows, batchSize)];
        for (int b = 0; b < order.length; b++) {
            order[b] = b % rows.length;
        }
        return order;
    }
}
