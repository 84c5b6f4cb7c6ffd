package dev.mtl4j.examples.spark;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import dev.mtl4j.spark.AveragingRound;
import dev.mtl4j.spark.ResidentMemory;
import dev.mtl4j.spark.SparkTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Trains one generated data set (default 1,000,000 rows) for a few epochs on one machine and on Spark
 * ({@code local-cluster[2,1,2048]} by default: two executor JVMs of one core each), and prints the time
 * per epoch, the training loss of each epoch, the test metrics, the peak memory of the process and
 * of each executor, and each averaging round's cost (bytes moved, wall time, the slowest worker's
 * share). Figures: docs/spark.md.
 *
 * <pre>
 * java [Spark's --add-opens] -Dspark.testing=true -cp CLASSPATH dev.mtl4j.examples.spark.SparkBenchmark \
 *     [rows] [epochs] [master] [averageEvery]
 * </pre>
 * {@code spark.testing} makes {@code local-cluster} start its executors with this JVM's class path.
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String master = args.length > 2 ? args[2] : "local-cluster[2,1,2048]";
        int averageEvery = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path dir = Files.createDirectories(Path.of("target", "spark-benchmark"));
        Path data = dir.resolve("synthetic-" + rows + ".csv");
        if (!Files.exists(data)) {
            SyntheticRows.write(data, rows, 7);
        }
        MtlRuntime runtime = MtlRuntime.create();
        PipelineSpec single = spec(data, epochs, 1e-3);
        long peakBefore = ResidentMemory.peakBytes();
        List<EpochReport> singleEpochs = new ArrayList<>();
        TrainingResult one = runtime.train(single, dir.toAbsolutePath(), collect(singleEpochs, "one machine"));
        long singlePeak = ResidentMemory.peakBytes();

        SparkSession spark = SparkSession.builder().master(master).appName("mtl4j spark benchmark")
                .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false")
                .config("spark.executor.memory", "1536m")
                .config("spark.executor.extraJavaOptions", Memory.ADD_OPENS)
                .config("spark.executorEnv.OMP_NUM_THREADS", "1")
                .getOrCreate();
        List<AveragingRound> rounds = new ArrayList<>();
        List<EpochReport> sparkEpochs = new ArrayList<>();
        PipelineSpec distributed = spec(data, epochs, 2e-3).withTraining(spec(data, epochs, 2e-3).training()
                .withDistributed(new dev.mtl4j.api.spec.DistributedSpec("spark", null, 2, averageEvery == 0 ? "epoch"
                        : "batches", averageEvery == 0 ? 16 : averageEvery)));
        long started = System.nanoTime();
        TrainingResult many = new SparkTraining(runtime, spark, rounds::add).train(distributed, dir.toAbsolutePath(),
                collect(sparkEpochs, "spark " + master));
        double sparkSeconds = (System.nanoTime() - started) / 1e9;
        spark.stop();
        java.util.Map<String, Long> executors = new java.util.TreeMap<>();
        rounds.forEach(r -> r.peakResidentBytes().forEach((id, bytes) -> executors.merge(id, bytes, Math::max)));

        System.out.printf(Locale.ROOT, "%n%d rows, %d epochs, master %s, averaging %s%n", rows, epochs, master,
                averageEvery == 0 ? "each epoch" : "every " + averageEvery + " batches");
        System.out.println("| epoch | one machine: s | loss | Spark: s | loss |");
        System.out.println("|---|---|---|---|---|");
        for (int e = 0; e < epochs; e++) {
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.4f | %.1f | %.4f |%n", e + 1, singleEpochs.get(e).seconds(),
                    singleEpochs.get(e).trainLoss(), sparkEpochs.get(e).seconds(), sparkEpochs.get(e).trainLoss());
        }
        System.out.println("test, one machine: " + one.metrics().get("test"));
        System.out.println("test, Spark:       " + many.metrics().get("test"));
        System.out.printf(Locale.ROOT, "Spark run in all (read, fit, encode, train, measure): %.1f s%n", sparkSeconds);
        System.out.printf(Locale.ROOT, "peak resident memory: one-machine process %s (%s before training); executors: %s%n",
                Memory.mb(singlePeak), Memory.mb(peakBefore), executors.entrySet().stream()
                        .map(e -> "executor " + e.getKey() + " " + Memory.mb(e.getValue())).toList());
        System.out.println("| epoch | round | workers | bytes moved | wall s | slowest worker s | overhead s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (AveragingRound round : rounds) {
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %.3f | %.3f | %.3f |%n", round.epoch(), round.round(),
                    round.workers(), round.bytesMoved(), round.seconds(), round.slowestWorkerSeconds(),
                    round.seconds() - round.slowestWorkerSeconds());
        }
    }

    private static PipelineSpec spec(Path data, int epochs, double lr) {
        return Mtl.pipeline("spark-benchmark")
                .data(Data.csv(data.toAbsolutePath().toString()).numeric("x*").categorical("shade").categorical("site")
                        .split(0.1, 7))
                .encoder(Encoders.mlp().hidden(64, 32))
                .task("band", Heads.classification(4)).weight(0.5)
                .task("level", Heads.regression(1)).weight(0.5)
                .training(t -> t.epochs(epochs).batchSize(256).adam(lr).seed(42)).build();
    }

    private static TrainingListener collect(List<EpochReport> into, String name) {
        return new TrainingListener() {
            @Override
            public void epochDone(EpochReport report) {
                into.add(report);
                System.err.printf(Locale.ROOT, "%s: epoch %d, loss %.4f, %.1f s%n", name, report.epoch(), report.trainLoss(),
                        report.seconds());
            }
        };
    }
}
