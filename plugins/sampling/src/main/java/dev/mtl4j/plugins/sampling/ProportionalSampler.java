package dev.mtl4j.plugins.sampling;

import dev.mtl4j.api.spi.Shuffle;
import dev.mtl4j.api.spi.TaskSampler;
import java.util.random.RandomGenerator;

/**
 * One pass over every row of every data set per epoch: each data set gives its
 * {@code ceil(rows / batchSize)} batches, and their order is shuffled, so a data set's share of the
 * batches is its share of the rows (sampling in proportion to size, without replacement).
 */
final class ProportionalSampler implements TaskSampler {

    @Override
    public int[] epoch(int[] rows, int batchSize, RandomGenerator random) {
        int[] order = new int[TaskSampler.passBatches(rows, batchSize)];
        int at = 0;
        for (int set = 0; set < rows.length; set++) {
            for (int b = 0; b < (rows[set] + batchSize - 1) / batchSize; b++) {
                order[at++] = set;
            }
        }
        Shuffle.shuffle(order, random);
        return order;
    }
}
