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
 * One epoch's batches. The rows are permuted once per epoch into fresh arrays, so each batch is a
 * contiguous view and no per-batch copies are made. A task whose labels are all present passes no
 * mask; missing labels pass a 0 in the task's label mask, so the task's loss skips them.
 */
final class BatchPlan implements Batches {
    private final INDArray features;
    /** The token mask of sequence inputs, or null. */
    private final INDArray featureMask;
    private final INDArray[] labels;
    private final INDArray[] masks;
    private final boolean anyMask;
    private final int rows;
    private final int batchSize;

    BatchPlan(EncodedData data, int batchSize, Random shuffle) {
        this.rows = (int) data.features().size(0);
        this.batchSize = batchSize;
        int[] order = Shuffle.permutation(rows, shuffle);
        this.features = pick(data.features(), order);
        this.featureMask = data.featureMask() == null ? null : pick(data.featureMask(), order);
        this.labels = pickAll(data.labels(), order);
        this.masks = pickAll(data.masks(), order);
        this.anyMask = data.masks().stream().anyMatch(m -> m != null);
    }

    @Override
    public int batches() {
        return (rows + batchSize - 1) / batchSize;
    }

    @Override
    public MultiDataSet batch(int index) {
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
        return new MultiDataSet(new INDArray[] {features.get(rowsOf, NDArrayIndex.all())}, batchLabels, featureMasks,
                batchMasks);
    }

    /**
     * The epochs of a run over {@code data}: each a fresh permutation drawn from one generator seeded
     * once, so epoch k's order follows from the k - 1 permutations before it.
     */
    static EpochSource epochs(EncodedData data, int batchSize, long seed, boolean shuffle) {
        Random random = shuffle ? new Random(seed) : null;
        int rows = (int) data.features().size(0);
        return new EpochSource() {
            @Override
            public Batches next() {
                return new BatchPlan(data, batchSize, random);
            }

            @Override
            public void skip() {
                Shuffle.permutation(rows, random);
            }
        };
    }

    private static INDArray[] pickAll(List<INDArray> arrays, int[] order) {
        INDArray[] picked = new INDArray[arrays.size()];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = arrays.get(i) == null ? null : pick(arrays.get(i), order);
        }
        return picked;
    }

    private static INDArray pick(INDArray array, int[] order) {
        return Nd4j.pullRows(array, 1, order);
    }
}
