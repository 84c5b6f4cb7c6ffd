package dev.mtl4j.spark;

import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.eval.Evaluator;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Synchronous parameter averaging on the driver: each round the network's state (parameters,
 * optimizer state, counters) is broadcast, every worker trains its share of batches from it
 * ({@link WorkerRound}), and Spark's tree aggregation sums the workers' states, which the driver
 * averages into the next round's start. After each epoch the driver's copy is measured on the
 * validation rows.
 */
final class ParameterAveraging {
    /** Depth of Spark's tree aggregation: partial sums are combined on executors before the driver. */
    private static final int TREE_DEPTH = 2;

    private final JavaSparkContext spark;
    private final TrainingListener listener;
    private final Consumer<AveragingRound> rounds;

    ParameterAveraging(JavaSparkContext spark, TrainingListener listener, Consumer<AveragingRound> rounds) {
        this.spark = spark;
        this.listener = listener;
        this.rounds = rounds;
    }

    /**
     * Trains {@code graph} (left in the averaged state of the last epoch) on the encoded partitions.
     *
     * @param partitionRows each partition's row count, in partition order
     * @param validation validation rows on the driver, or null
     */
    List<EpochReport> train(ComputationGraph graph, TrainingSpec training, List<TaskSpec> tasks, Preprocessor preprocessor,
                            JavaRDD<EncodedChunk> partitions, List<Integer> partitionRows, EncodedData validation) {
        DistributedSpec distributed = training.distributed();
        WorkerRound worker = new WorkerRound(training.seed(), training.batchSize(), training.shuffle(),
                distributed.eachEpoch() ? Integer.MAX_VALUE : distributed.batches(),
                tasks.stream().mapToDouble(TaskSpec::weight).toArray(), distributed.sumsChanges());
        int longest = partitionRows.stream().mapToInt(worker::batches).max().orElse(0);
        int roundsPerEpoch = distributed.eachEpoch() ? 1 : (longest + distributed.batches() - 1) / distributed.batches();
        Broadcast<String> configuration = spark.broadcast(graph.getConfiguration().toJson());
        NetworkSnapshot state = NetworkSnapshot.of(graph);
        List<EpochReport> reports = new ArrayList<>();
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
            long started = System.nanoTime();
            RoundSum epochSum = RoundSum.empty();
            for (int round = 0; round < roundsPerEpoch; round++) {
                long roundStarted = System.nanoTime();
                RoundSum sum = round(worker, partitions, configuration, state, epoch, round);
                long bytes = 2L * 4 * sum.workers * (state.params().length + state.updaterState().length);
                rounds.accept(new AveragingRound(epoch, round, sum.workers, bytes, (System.nanoTime() - roundStarted) / 1e9,
                        sum.slowestSeconds, sum.peakResident));
                state = sum.batches == 0 ? state : state.merged(sum, distributed.sumsChanges());
                epochSum = accumulate(epochSum, sum);
            }
            state = state.epochDone();
            state.applyTo(graph);
            double seconds = (System.nanoTime() - started) / 1e9;
            EpochReport report = report(epoch, epochSum, seconds, graph, tasks, preprocessor, validation);
            reports.add(report);
            listener.epochDone(report);
        }
        configuration.destroy();
        return reports;
    }

    private RoundSum round(WorkerRound worker, JavaRDD<EncodedChunk> partitions, Broadcast<String> configuration,
                           NetworkSnapshot state, int epoch, int round) {
        Broadcast<NetworkSnapshot> start = spark.broadcast(state);
        try {
            return Jobs.run(() -> partitions.mapPartitionsWithIndex((partition, chunks) -> worker.run(partition, chunks,
                    configuration.value(), start.value(), epoch, round), true)
                    .treeAggregate(RoundSum.empty(), RoundSum::plus, RoundSum::plus, TREE_DEPTH));
        } finally {
            start.destroy();
        }
    }

    /** The epoch's losses summed over its rounds (the arrays are not needed past the round). */
    private static RoundSum accumulate(RoundSum epoch, RoundSum round) {
        if (round.batches == 0) {
            return epoch;
        }
        if (epoch.batches == 0) {
            RoundSum copy = RoundSum.empty();
            copy.batches = round.batches;
            copy.lossSum = round.lossSum;
            copy.taskLossSums = round.taskLossSums.clone();
            copy.taskBatches = round.taskBatches.clone();
            copy.stepName = round.stepName;
            return copy;
        }
        epoch.batches += round.batches;
        epoch.lossSum += round.lossSum;
        for (int t = 0; t < epoch.taskLossSums.length; t++) {
            epoch.taskLossSums[t] += round.taskLossSums[t];
            epoch.taskBatches[t] += round.taskBatches[t];
        }
        return epoch;
    }

    private static EpochReport report(int epoch, RoundSum sum, double seconds, ComputationGraph graph, List<TaskSpec> tasks,
                                      Preprocessor preprocessor, EncodedData validation) {
        Map<String, Double> taskLosses = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            long batches = sum.taskBatches == null ? 0 : sum.taskBatches[t];
            taskLosses.put(tasks.get(t).name(), batches == 0 ? Double.NaN : sum.taskLossSums[t] / batches);
            weights.put(tasks.get(t).name(), tasks.get(t).weight());
        }
        Map<String, Map<String, Double>> metrics = validation == null ? Map.of()
                : Evaluator.evaluate(graph, validation, tasks, preprocessor);
        double validationLoss = validation == null ? Double.NaN : Evaluator.loss(graph, validation, tasks);
        return new EpochReport(epoch, sum.batches == 0 ? Double.NaN : sum.lossSum / sum.batches, validationLoss, metrics,
                seconds, taskLosses, weights);
    }
}
