package dev.mtl4j.examples.spark;

import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import dev.mtl4j.spark.SparkTraining;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Trains one pipeline on one machine and on Spark {@code local[W]} with several averaging settings and
 * prints each task's test metric side by side: the measurements behind docs/spark.md's table of
 * Spark against one machine.
 *
 * <pre>
 * java [Spark's --add-opens] -cp CLASSPATH dev.mtl4j.examples.spark.SparkParity PIPELINE.yaml RUN...
 * </pre>
 * A run is {@code one:epochs=20:lr=1e-3} or {@code spark:epochs=20:lr=2e-3:averaging=batches:batches=1:workers=2:merge=sum}
 * (keys left out keep the pipeline's value; {@code seed=N} changes the training seed).
 */
public final class SparkParity {
    private SparkParity() {
    }

    public static void main(String[] args) {
        MtlRuntime runtime = MtlRuntime.create();
        Path pipeline = Path.of(args[0]).toAbsolutePath();
        PipelineSpec spec = runtime.loadPipeline(pipeline);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("mtl4j spark parity")
                .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (int i = 1; i < args.length; i++) {
                Map<String, String> run = parse(args[i]);
                PipelineSpec variant = spec.withTraining(training(spec.training(), run));
                long started = System.nanoTime();
                TrainingResult result = args[i].startsWith("spark")
                        ? new SparkTraining(runtime, spark, SparkParity::round).train(variant, pipeline.getParent(), LISTENER)
                        : runtime.train(variant, pipeline.getParent(), LISTENER);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-60s %6.1f s", args[i],
                        (System.nanoTime() - started) / 1e9));
                for (TaskSpec task : spec.tasks()) {
                    Map<String, Double> metrics = result.metrics().get("test").get(task.name());
                    String name = metrics.containsKey("accuracy") ? "accuracy" : "r2";
                    line.append(String.format(Locale.ROOT, "  %s %s %.4f", task.name(), name, metrics.get(name)));
                }
                System.out.println(line);
            }
        } finally {
            spark.stop();
        }
    }

    private static final TrainingListener LISTENER = new TrainingListener() {
        @Override
        public void epochDone(dev.mtl4j.runtime.train.EpochReport report) {
            epoch(report);
        }
    };

    private static void epoch(dev.mtl4j.runtime.train.EpochReport report) {
        if (Boolean.getBoolean("parity.rounds")) {
            System.err.printf(Locale.ROOT, "epoch %d: loss %.4f tasks %s%n", report.epoch(), report.trainLoss(), report.taskLosses());
        }
    }

    private static void round(dev.mtl4j.spark.AveragingRound round) {
        if (Boolean.getBoolean("parity.rounds")) {
            System.err.printf(Locale.ROOT, "epoch %d round %d: %.2f s, slowest worker %.2f s%n", round.epoch(), round.round(),
                    round.seconds(), round.slowestWorkerSeconds());
        }
    }

    private static Map<String, String> parse(String run) {
        Map<String, String> values = new HashMap<>();
        String[] parts = run.split(":");
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }

    private static TrainingSpec training(TrainingSpec base, Map<String, String> run) {
        OptimizerSpec optimizer = base.optimizer();
        if (run.containsKey("lr")) {
            optimizer = new OptimizerSpec(optimizer.type(), Double.parseDouble(run.get("lr")), optimizer.momentum(),
                    optimizer.weightDecay());
        }
        int epochs = run.containsKey("epochs") ? Integer.parseInt(run.get("epochs")) : base.epochs();
        long seed = run.containsKey("seed") ? Long.parseLong(run.get("seed")) : base.seed();
        TrainingSpec training = new TrainingSpec(epochs, base.batchSize(), optimizer, seed, base.shuffle(),
                base.earlyStopping(), base.sampler(), base.init(), base.checkpoint(), base.weighting(), null);
        if (run.containsKey("averaging") || run.containsKey("workers")) {
            training = training.withDistributed(new DistributedSpec("spark", null,
                    Integer.parseInt(run.getOrDefault("workers", "2")), run.getOrDefault("averaging", "epoch"),
                    Integer.parseInt(run.getOrDefault("batches", "16")), run.getOrDefault("merge", "average")));
        }
        return training;
    }
}
