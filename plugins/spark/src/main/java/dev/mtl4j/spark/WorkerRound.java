package dev.mtl4j.spark;

import dev.mtl4j.api.spi.Shuffle;
import dev.mtl4j.runtime.train.StepResult;
import dev.mtl4j.runtime.train.WorkerSteps;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One worker's part of one averaging round: it builds the network in the round's starting state,
 * trains its share of the epoch's batches with the single-machine training step, and returns its
 * state. Which batches are its share follows from the epoch, the round and its partition alone
 * (each epoch a fresh seeded shuffle of its rows), so a worker keeps nothing between rounds and a
 * retried task repeats itself.
 *
 * @param seed the pipeline's training seed
 * @param batchSize rows per batch
 * @param shuffle whether rows are shuffled every epoch
 * @param batchesPerRound batches each worker trains in a round ({@link Integer#MAX_VALUE}: the whole epoch)
 * @param taskWeights each task's λ, in task order
 * @param sumChanges whether the driver sums the workers' changes (their parameters are sent unweighted)
 */
record WorkerRound(long seed, int batchSize, boolean shuffle, int batchesPerRound, double[] taskWeights, boolean sumChanges)
        implements Serializable {

    /** How many batches a partition of {@code rows} rows makes in an epoch. */
    int batches(long rows) {
        return (int) ((rows + batchSize - 1) / batchSize);
    }

    Iterator<RoundSum> run(int partition, Iterator<EncodedChunk> chunks, String configuration, NetworkSnapshot start,
                           int epoch, int round) {
        if (!chunks.hasNext()) {
            return java.util.List.of(RoundSum.empty()).iterator();
        }
        EncodedChunk chunk = chunks.next();
        int total = batches(chunk.rows);
        long first = (long) round * batchesPerRound;
        if (first >= total) {
            return java.util.List.of(RoundSum.empty()).iterator();
        }
        long started = System.nanoTime();
        int last = (int) Math.min(total, first + batchesPerRound);
        int[] order = order(chunk.rows, epoch, partition);
        Nd4j.getRandom().setSeed(seed * 1_000_003L + epoch * 7919L + round * 131L + partition);
        ComputationGraph graph = start.build(configuration);
        int tasks = chunk.labels.length;
        double lossSum = 0;
        double[] taskLossSums = new double[tasks];
        long[] taskBatches = new long[tasks];
        String stepName;
        try (WorkerSteps steps = new WorkerSteps(graph, taskWeights)) {
            stepName = steps.name();
            for (int b = (int) first; b < last; b++) {
                StepResult result = steps.fit(batch(chunk, order, b));
                lossSum += result.loss();
                for (int t = 0; t < tasks; t++) {
                    if (result.present()[t]) {
                        taskLossSums[t] += result.taskLosses()[t];
                        taskBatches[t]++;
                    }
                }
            }
        }
        NetworkSnapshot end = NetworkSnapshot.of(graph);
        return java.util.List.of(RoundSum.of(end.params(), !sumChanges, end.updaterState(), last - (int) first, lossSum, taskLossSums,
                taskBatches, stepName, (System.nanoTime() - started) / 1e9)).iterator();
    }

    /** The epoch's order of this partition's rows: a shuffle seeded by the training seed, the epoch and the partition. */
    private int[] order(int rows, int epoch, int partition) {
        if (!shuffle) {
            return java.util.stream.IntStream.range(0, rows).toArray();
        }
        return Shuffle.permutation(rows, new Random(seed * 0x9E3779B97F4A7C15L + epoch * 1_000_033L + partition));
    }

    /** Batch {@code b} of the epoch: rows copied out of the chunk in the epoch's order. */
    private MultiDataSet batch(EncodedChunk chunk, int[] order, int b) {
        int from = b * batchSize;
        int to = Math.min(chunk.rows, from + batchSize);
        int n = to - from;
        INDArray features = Nd4j.create(pick(chunk.features, chunk.width, order, from, to), new long[] {n, chunk.width}, 'c');
        int tasks = chunk.labels.length;
        INDArray[] labels = new INDArray[tasks];
        INDArray[] masks = chunk.anyMask() ? new INDArray[tasks] : null;
        for (int t = 0; t < tasks; t++) {
            int width = chunk.labelWidths[t];
            labels[t] = Nd4j.create(pick(chunk.labels[t], width, order, from, to), new long[] {n, width}, 'c');
            if (masks != null && chunk.masks[t] != null) {
                int maskWidth = chunk.maskWidths[t];
                masks[t] = Nd4j.create(pick(chunk.masks[t], maskWidth, order, from, to), new long[] {n, maskWidth}, 'c');
            }
        }
        return new MultiDataSet(new INDArray[] {features}, labels, null, masks);
    }

    private static float[] pick(float[] values, int width, int[] order, int from, int to) {
        float[] picked = new float[(to - from) * width];
        for (int r = from; r < to; r++) {
            System.arraycopy(values, order[r] * width, picked, (r - from) * width, width);
        }
        return picked;
    }
}
