package dev.mtl4j.api.spi;

import java.util.random.RandomGenerator;

/**
 * Decides, when tasks bring their own data sets, which data set each batch comes from. A batch holds
 * the rows of one data set only; the heads of tasks that do not read it get no loss from that batch
 * (their labels are masked). The sampler also defines what an epoch is: the length of the order it
 * returns.
 *
 * <p>The trainer draws a data set's batches from a fresh shuffle of its training rows each epoch;
 * when a sampler asks a data set for more batches than one pass over its rows holds, its rows are
 * shuffled again and drawing goes on.
 */
public interface TaskSampler {

    /**
     * The order of one epoch's batches.
     *
     * @param rows the training rows of each data set, in the order of the pipeline's tasks (each ≥ 1)
     * @param batchSize rows per batch
     * @param random seeded by the trainer from the training seed, one generator for the whole run:
     *     the same seed gives the same order
     * @return for each batch of the epoch, in order, the index of the data set it comes from; not empty
     */
    int[] epoch(int[] rows, int batchSize, RandomGenerator random);

    /**
     * The batches of one pass over every data set: {@code Σ ceil(rows_i / batchSize)}. The built-in
     * samplers make every epoch this long, so that epochs cost the same whichever sampler is chosen.
     */
    static int passBatches(int[] rows, int batchSize) {
        int batches = 0;
        for (int n : rows) {
            batches += (n + batchSize - 1) / batchSize;
        }
        return batches;
    }
}
