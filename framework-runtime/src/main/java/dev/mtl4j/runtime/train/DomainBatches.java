package dev.mtl4j.runtime.train;

import dev.mtl4j.api.spi.Shuffle;
import dev.mtl4j.runtime.data.EncodedData;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches for domain adaptation: each holds up to {@code batchSize} labelled source rows and as many
 * unlabelled target rows, and one more label array after the tasks' — each row's domain, {@code [1, 0]}
 * source, {@code [0, 1]} target — for the network's training device. An epoch is one pass over the
 * source rows; the target rows are drawn from a shuffled order that carries over between epochs and
 * is reshuffled when used up.
 *
 * <p>The target rows have no task labels: their task masks are 0 (the trainer doubles each task's λ,
 * see {@link Trainer#fitWithTarget}).
 */
final class DomainBatches implements EpochSource {
    private final EncodedData source;
    private final EncodedData target;
    private final int batchSize;
    private final Random shuffle;
    private final Random targetOrder;
    private int[] targetRows;
    private int nextTarget;

    /**
     * @param seed seeds the source rows' order, as for a run on the source rows alone, and the target rows' order
     * @param shuffle whether the source rows are shuffled every epoch
     */
    DomainBatches(EncodedData source, EncodedData target, int batchSize, long seed, boolean shuffle) {
        this.source = source;
        this.target = target;
        this.batchSize = batchSize;
        this.shuffle = shuffle ? new Random(seed) : null;
        this.targetOrder = new Random(seed ^ 0x7A26E7L);
        this.targetRows = Shuffle.permutation(target.size(), targetOrder);
    }

    @Override
    public void skip() {
        int[] order = order();
        for (int from = 0; from < order.length; from += batchSize) {
            nextTargets(Math.min(order.length, from + batchSize) - from);
        }
    }

    private int[] order() {
        return Shuffle.permutation(source.size(), shuffle);
    }

    @Override
    public Batches next() {
        int[] order = order();
        int count = (order.length + batchSize - 1) / batchSize;
        MultiDataSet[] batches = new MultiDataSet[count];
        for (int b = 0; b < count; b++) {
            int from = b * batchSize;
            int[] sourceRows = java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            batches[b] = batch(sourceRows, nextTargets(sourceRows.length));
        }
        return new Batches() {
            @Override
            public int batches() {
                return count;
            }

            @Override
            public MultiDataSet batch(int index) {
                return batches[index];
            }
        };
    }

    private int[] nextTargets(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            if (nextTarget == targetRows.length) {
                targetRows = Shuffle.permutation(target.size(), targetOrder);
                nextTarget = 0;
            }
            rows[i] = targetRows[nextTarget++];
        }
        return rows;
    }

    private MultiDataSet batch(int[] sourceRows, int[] targetRowsOfBatch) {
        int tasks = source.labels().size();
        INDArray[] labels = new INDArray[tasks + 1];
        INDArray[] masks = new INDArray[tasks + 1];
        for (int t = 0; t < tasks; t++) {
            INDArray sourceLabels = Nd4j.pullRows(source.labels().get(t), 1, sourceRows);
            INDArray sourceMask = source.masks().get(t) == null
                    ? Nd4j.ones(DataType.FLOAT, sourceRows.length, 1) : Nd4j.pullRows(source.masks().get(t), 1, sourceRows);
            labels[t] = Nd4j.vstack(sourceLabels, Nd4j.zeros(sourceLabels.dataType(), targetRowsOfBatch.length, sourceLabels.size(1)));
            masks[t] = Nd4j.vstack(sourceMask.castTo(DataType.FLOAT),
                    Nd4j.zeros(DataType.FLOAT, targetRowsOfBatch.length, sourceMask.size(1)));
        }
        INDArray domains = Nd4j.zeros(DataType.FLOAT, sourceRows.length + targetRowsOfBatch.length, 2);
        for (int r = 0; r < sourceRows.length + targetRowsOfBatch.length; r++) {
            domains.putScalar(r, r < sourceRows.length ? 0 : 1, 1.0);
        }
        labels[tasks] = domains;
        INDArray features = Nd4j.vstack(Nd4j.pullRows(source.features(), 1, sourceRows),
                Nd4j.pullRows(target.features(), 1, targetRowsOfBatch));
        INDArray[] featureMasks = source.featureMask() == null ? null : new INDArray[] {Nd4j.vstack(
                Nd4j.pullRows(source.featureMask(), 1, sourceRows), Nd4j.pullRows(target.featureMask(), 1, targetRowsOfBatch))};
        return new MultiDataSet(new INDArray[] {features}, labels, featureMasks, masks);
    }
}
