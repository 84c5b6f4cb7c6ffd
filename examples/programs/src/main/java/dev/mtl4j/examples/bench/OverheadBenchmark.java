package dev.mtl4j.examples.bench;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.PipelineBuilder;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.train.Trainer;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * mtl4j's training loop against the same network written by hand in DL4J, in one process: the
 * article's model (64 → 256 → 256, three 4-output MSE heads, λ = 0.5/0.3/0.2, Adam 1e-3, batch
 * 256). Runs alternate between the two so drift on a noisy machine hits both; prints each run's
 * samples/s, the medians and mtl4j's overhead. Both train on the same encoded arrays: data reading
 * and encoding happen once, before timing, in both cases.
 *
 * <p>Arguments: [rows=65536] [epochs=3] [repetitions=5].
 */
public final class OverheadBenchmark {
    private OverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 65_536;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("mtl4j-bench");
        Path csv = dir.resolve("synthetic.csv");
        SyntheticRegression.write(csv, rows, 1);
        PipelineSpec spec = spec(csv, epochs);
        MtlRuntime runtime = MtlRuntime.create();
        System.out.printf(Locale.ROOT, "rows %d, epochs %d, batch 256, OMP_NUM_THREADS=%s%n", rows, epochs,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"));

        List<Double> mtl = new ArrayList<>();
        List<Double> hand = new ArrayList<>();
        for (int rep = 0; rep <= repetitions; rep++) {
            PreparedPipeline prepared = runtime.prepare(spec, dir);
            INDArray features = prepared.train().features();
            INDArray[] labels = prepared.train().labels().toArray(INDArray[]::new);

            ComputationGraph network = HandWrittenDl4j.network(42);
            Runnable mtlRun = () -> new Trainer(TrainingListener.SILENT).fit(prepared.network().graph(), spec.training(),
                    spec.tasks(), prepared.preprocessor(), prepared.train(), null);
            Runnable handRun = () -> HandWrittenDl4j.train(network, features, labels, epochs, 256, 42);
            // Alternate which goes first, so that whatever the first run of a pair pays (GC of the
            // previous pair's garbage, cache warm-up) is paid equally by both.
            double mtlSeconds;
            double handSeconds;
            if (rep % 2 == 0) {
                mtlSeconds = seconds(mtlRun);
                handSeconds = seconds(handRun);
            } else {
                handSeconds = seconds(handRun);
                mtlSeconds = seconds(mtlRun);
            }

            double samples = (double) rows * epochs;
            String label = rep == 0 ? "warm-up" : "run " + rep;
            System.out.printf(Locale.ROOT, "%-8s mtl4j %9.0f samples/s   hand-written DL4J %9.0f samples/s%n", label,
                    samples / mtlSeconds, samples / handSeconds);
            if (rep > 0) {
                mtl.add(samples / mtlSeconds);
                hand.add(samples / handSeconds);
            }
        }
        double mtlMedian = median(mtl);
        double handMedian = median(hand);
        System.out.printf(Locale.ROOT, "median   mtl4j %9.0f samples/s   hand-written DL4J %9.0f samples/s%n", mtlMedian, handMedian);
        System.out.printf(Locale.ROOT, "mtl4j / hand-written = %.3f  (overhead per epoch %+.1f %%)%n",
                mtlMedian / handMedian, 100 * (handMedian / mtlMedian - 1));
    }

    static PipelineSpec spec(Path csv, int epochs) {
        PipelineBuilder builder = Mtl.pipeline("bench")
                .data(Data.csv(csv.toString()).numeric("x*").split(0, 1))
                .encoder(Encoders.mlp().hidden(256, 256).activation("relu"));
        double[] weights = {0.5, 0.3, 0.2};
        for (int t = 0; t < 3; t++) {
            String task = SyntheticRegression.TASKS[t];
            builder = builder.task(task, Heads.regression(4)).weight(weights[t])
                    .labels(task + "0", task + "1", task + "2", task + "3");
        }
        return builder.training(t -> t.epochs(epochs).batchSize(256).adam(1e-3).seed(42)).build();
    }

    private static double seconds(Runnable run) {
        System.gc();
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
