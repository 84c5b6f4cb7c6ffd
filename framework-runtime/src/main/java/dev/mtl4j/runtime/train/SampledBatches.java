package dev.mtl4j.runtime.train;

import dev.mtl4j.api.spi.Shuffle;
import dev.mtl4j.api.spi.TaskSampler;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches for tasks with their own data sets: the sampler says which data set each batch of an epoch
 * comes from; each data set deals full batches from a shuffle of its rows made at the start of every
 * epoch, and shuffles again when a pass runs out (its last batch topped up from the new shuffle). A
 * batch holds one data set's rows, so the heads of the other tasks see only masked labels and get no
 * loss from it.
 *
 * <p>Two generators, both from the training seed, run for the whole training: one for the sampler,
 * one for the row order. The same seed gives the same batches.
 */
final class SampledBatches implements EpochSource {
    private final DataSetRows data;
    private final TaskSampler sampler;
    private final int batchSize;
    private final Random sampling;
    private final Random rows;

    SampledBatches(DataSetRows data, TaskSampler sampler, int batchSize, long seed, boolean shuffle) {
        this.data = data;
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.sampling = new Random(seed);
        this.rows = shuffle ? new Random(seed ^ 0x5DEECE66DL) : null;
    }

    @Override
    public Batches next() {
        return nextEpoch();
    }

    /** Draws the next epoch's choices and shuffles (cheap: row numbers only), so the epoch after it is the one a run that trained it would see. */
    @Override
    public void skip() {
        nextEpoch();
    }

    /** The data set of each batch of the next epoch, and the rows each batch takes. */
    Plan nextEpoch() {
        int[] sizes = data.sizes();
        int[] order = sampler.epoch(sizes, batchSize, sampling);
        if (order.length == 0) {
            throw new IllegalStateException("the task sampler planned an epoch without batches");
        }
        int[] offsets = new int[sizes.length];
        for (int i = 1; i < sizes.length; i++) {
            offsets[i] = offsets[i - 1] + sizes[i - 1];
        }
        Dealer[] dealers = new Dealer[sizes.length];
        int[][] batches = new int[order.length][];
        for (int b = 0; b < order.length; b++) {
            int set = order[b];
            if (set < 0 || set >= sizes.length) {
                throw new IllegalStateException("the task sampler chose data set " + set + " of " + sizes.length);
            }
            if (dealers[set] == null) {
                dealers[set] = new Dealer(sizes[set], offsets[set]);
            }
            batches[b] = dealers[set].deal(Math.min(batchSize, sizes[set]));
        }
        return new Plan(batches, order);
    }

    /**
     * Deals one data set's rows in batches from a shuffle; every batch is full (a data set smaller
     * than a batch gives all its rows). When a pass runs out, the batch is topped up from a fresh
     * shuffle in which the rows just dealt come last, so no row is twice in one batch. Partial
     * batches are avoided on purpose: a one-row batch's label mask is [1, 1], which DL4J's softmax
     * loss takes for a per-output mask and refuses.
     */
    private final class Dealer {
        private final int size;
        private final int offset;
        private int[] order;
        private int next;

        Dealer(int size, int offset) {
            this.size = size;
            this.offset = offset;
            this.order = Shuffle.permutation(size, rows);
        }

        int[] deal(int count) {
            int[] picked = new int[count];
            int taken = 0;
            java.util.Set<Integer> tail = new java.util.HashSet<>();
            while (taken < count) {
                if (next == size) {
                    order = lastAfter(Shuffle.permutation(size, rows), tail);
                    next = 0;
                }
                int row = order[next++];
                tail.add(row);
                picked[taken++] = offset + row;
            }
            return picked;
        }

        /** The permutation with the given rows moved, in their order, to its end. */
        private int[] lastAfter(int[] permutation, java.util.Set<Integer> last) {
            int[] moved = new int[permutation.length];
            int at = 0;
            for (int row : permutation) {
                if (!last.contains(row)) {
                    moved[at++] = row;
                }
            }
            for (int row : permutation) {
                if (last.contains(row)) {
                    moved[at++] = row;
                }
            }
            return moved;
        }
    }

    /** One epoch: the rows of each batch; each batch is copied out of the stacked rows when it is taken. */
    final class Plan implements Batches {
        private final int[][] batches;
        private final int[] sets;

        Plan(int[][] batches, int[] sets) {
            this.batches = batches;
            this.sets = sets;
        }

        @Override
        public int batches() {
            return batches.length;
        }

        /** The data set each batch comes from. */
        int[] sets() {
            return sets.clone();
        }

        @Override
        public MultiDataSet batch(int index) {
            int[] picked = batches[index];
            var rows = data.rows();
            INDArray[] labels = new INDArray[rows.labels().size()];
            INDArray[] masks = new INDArray[labels.length];
            for (int t = 0; t < labels.length; t++) {
                labels[t] = Nd4j.pullRows(rows.labels().get(t), 1, picked);
                masks[t] = Nd4j.pullRows(rows.masks().get(t), 1, picked);
            }
            return new MultiDataSet(new INDArray[] {Nd4j.pullRows(rows.features(), 1, picked)}, labels, null, masks);
        }

        @Override
        public String toString() {
            return "epoch of " + batches.length + " batches from data sets " + Arrays.toString(sets);
        }
    }
}
