package dev.mtl4j.runtime.train;

import dev.mtl4j.api.spi.Shuffle;
import dev.mtl4j.runtime.data.EncodedData;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The batches of a run's epochs. Each epoch permutes the rows into arrays made once for the run
 * (without shuffling, the data's own arrays serve), and each batch is a contiguous view of them made
 * once too: an epoch allocates nothing per batch. A batch is therefore valid until the next epoch
 * starts, which is how the trainer uses it. A task whose labels are all present passes no mask;
 * missing labels pass a 0 in the task's label mask, so the task's loss skips them.
 */
final class BatchPlan implements Batches {
    private final MultiDataSet[] batches;

    private BatchPlan(MultiDataSet[] batches) {
        this.batches = batches;
    }

    /** One epoch's batches on arrays of its own: the rows permuted by {@code shuffle}, or in order when it is null. */
    BatchPlan(EncodedData data, int batchSize, Random shuffle) {
        this(Rows.ordered(data, shuffle == null ? null : Shuffle.permutation((int) data.features().size(0), shuffle))
                .slice(batchSize));
    }

    @Override
    public int batches() {
        return batches.length;
    }

    @Override
    public MultiDataSet batch(int index) {
        return batches[index];
    }

    /**
     * The epochs of a run over {@code data}: each a fresh permutation drawn from one generator seeded
     * once, so epoch k's order follows from the k - 1 permutations before it.
     */
    static EpochSource epochs(EncodedData data, int batchSize, long seed, boolean shuffle) {
        Random random = shuffle ? new Random(seed) : null;
        int rows = (int) data.features().size(0);
        return new EpochSource() {
            /** The run's row order arrays and their batch views, made at the first epoch. */
            private Rows rowsInOrder;

            @Override
            public Batches next() {
                int[] order = shuffle ? Shuffle.permutation(rows, random) : null;
                if (rowsInOrder == null) {
                    rowsInOrder = Rows.ordered(data, order);
                    rowsInOrder.slice(batchSize);
                } else if (order != null) {
                    rowsInOrder.permute(data, order);
                }
                return new BatchPlan(rowsInOrder.batches);
            }

            @Override
            public void skip() {
                Shuffle.permutation(rows, random);
            }
        };
    }

    /** Features, feature mask, labels and masks in one row order, with their batches. */
    private static final class Rows {
        private final INDArray features;
        private final INDArray featureMask;
        private final INDArray[] labels;
        private final INDArray[] masks;
        private MultiDataSet[] batches;

        private Rows(INDArray features, INDArray featureMask, INDArray[] labels, INDArray[] masks) {
            this.features = features;
            this.featureMask = featureMask;
            this.labels = labels;
            this.masks = masks;
        }

        /** The data's rows in {@code order} in arrays of their own, or the data's own arrays when order is null. */
        static Rows ordered(EncodedData data, int[] order) {
            if (order == null) {
                return of(data);
            }
            Rows rows = copyOf(data);
            rows.permute(data, order);
            return rows;
        }

        /** The data's own arrays, in the data's order. */
        static Rows of(EncodedData data) {
            return new Rows(data.features(), data.featureMask(), data.labels().toArray(INDArray[]::new),
                    data.masks().toArray(INDArray[]::new));
        }

        /** Arrays shaped as the data's, to be filled by {@link #permute}. */
        static Rows copyOf(EncodedData data) {
            return new Rows(like(data.features()), like(data.featureMask()), likeAll(data.labels()), likeAll(data.masks()));
        }

        /** Row i of each array becomes row {@code order[i]} of the data's. */
        void permute(EncodedData data, int[] order) {
            pull(data.features(), features, order);
            pull(data.featureMask(), featureMask, order);
            for (int t = 0; t < labels.length; t++) {
                pull(data.labels().get(t), labels[t], order);
                pull(data.masks().get(t), masks[t], order);
            }
        }

        MultiDataSet[] slice(int batchSize) {
            int rows = (int) features.size(0);
            boolean anyMask = java.util.Arrays.stream(masks).anyMatch(m -> m != null);
            batches = new MultiDataSet[(rows + batchSize - 1) / batchSize];
            for (int index = 0; index < batches.length; index++) {
                long start = (long) index * batchSize;
                INDArrayIndex rowsOf = NDArrayIndex.interval(start, Math.min(rows, start + batchSize));
                INDArray[] batchLabels = new INDArray[labels.length];
                INDArray[] batchMasks = anyMask ? new INDArray[labels.length] : null;
                for (int t = 0; t < labels.length; t++) {
                    batchLabels[t] = labels[t].get(rowsOf, NDArrayIndex.all());
                    if (anyMask && masks[t] != null) {
                        batchMasks[t] = masks[t].get(rowsOf, NDArrayIndex.all());
                    }
                }
                INDArray[] featureMasks = featureMask == null ? null : new INDArray[] {featureMask.get(rowsOf, NDArrayIndex.all())};
                batches[index] = new MultiDataSet(new INDArray[] {features.get(rowsOf, NDArrayIndex.all())}, batchLabels,
                        featureMasks, batchMasks);
            }
            return batches;
        }

        private static void pull(INDArray source, INDArray target, int[] order) {
            if (source != null) {
                Nd4j.pullRows(source, target, 1, order);
            }
        }

        private static INDArray like(INDArray array) {
            return array == null ? null : Nd4j.createUninitialized(array.dataType(), array.shape(), 'c');
        }

        private static INDArray[] likeAll(List<INDArray> arrays) {
            return arrays.stream().map(Rows::like).toArray(INDArray[]::new);
        }
    }
}
