package dev.mtl4j.examples.bench;

import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import dev.mtl4j.runtime.transfer.TransferResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The cost of a transfer epoch: feature extraction (the frozen encoder's output computed once, each
 * epoch trains the heads) against fine-tuning (each epoch runs the whole network), on the same data
 * and model, alternating in one process. Prints the median seconds per epoch and the ratio, and the
 * whole run's wall time (feature extraction's includes computing the features once). With {@code --cpu-clock}
 * an epoch is the training thread's CPU time from its first batch to its last step (a loaded machine
 * disturbs it far less than wall time); without, the wall time the trainer reports.
 *
 * <p>Run from the repository root: {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.bench.TransferEpochBenchmark [--cpu-clock] [repetitions=3] [epochs=5] [hidden widths of the source encoder...]};
 * without widths the source is examples/pipelines/income-pretrain.yaml as written (128, 64).
 */
public final class TransferEpochBenchmark {
    private TransferEpochBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        boolean cpuClock = java.util.Arrays.asList(arguments).contains("--cpu-clock");
        String[] args = java.util.Arrays.stream(arguments).filter(a -> !a.equals("--cpu-clock")).toArray(String[]::new);
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        MtlRuntime runtime = MtlRuntime.create();
        Path pipelines = Path.of("examples/pipelines").toAbsolutePath();
        PipelineSpec pretrain = runtime.loadPipeline(pipelines.resolve("income-pretrain.yaml"));
        if (args.length > 2) {
            List<Integer> hidden = java.util.Arrays.stream(args).skip(2).map(Integer::valueOf).toList();
            pretrain = new PipelineSpec(pretrain.name(), pretrain.data(), pretrain.encoder().with("hidden", hidden),
                    pretrain.sharing(), pretrain.tasks(), new dev.mtl4j.api.spec.TrainingSpec(2, 64, null, 42, true, null));
        }
        System.out.println("source encoder " + pretrain.encoder().params());
        TrainingResult source = runtime.train(pretrain, pipelines, TrainingListener.SILENT);
        Path model = Files.createTempDirectory("mtl4j-bench").resolve("income-pretrain.zip");
        runtime.save(source.model(), model);

        List<Double> fineTuneEpochs = new ArrayList<>();
        List<Double> featureEpochs = new ArrayList<>();
        List<Double> fineTuneWall = new ArrayList<>();
        List<Double> featureWall = new ArrayList<>();
        for (int rep = 0; rep <= repetitions; rep++) {
            boolean fineTuneFirst = rep % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean fineTune = (turn == 0) == fineTuneFirst;
                ComponentSource strategy = fineTune ? Transfers.fineTune() : Transfers.featureExtraction();
                long start = System.nanoTime();
                EpochCpuTimes cpu = new EpochCpuTimes();
                TransferResult result = runtime.transfer(Mtl.transfer("bench", model.toString()).strategy(strategy)
                        .data(Data.csv("../data/income_marketing.csv").split(0.2, 7))
                        .task("INCOME", Heads.classification(9))
                        .training(t -> t.epochs(epochs).batchSize(64).seed(1)).build(), pipelines, cpu, false);
                double wall = (System.nanoTime() - start) / 1e9;
                double epoch = median(cpuClock ? cpu.seconds
                        : result.transferred().history().epochs().stream().map(EpochReport::seconds).toList());
                if (rep > 0) {
                    (fineTune ? fineTuneEpochs : featureEpochs).add(epoch);
                    (fineTune ? fineTuneWall : featureWall).add(wall);
                }
                System.out.printf(Locale.ROOT, "%-8s %-18s median epoch %.4f s, run %.2f s%n", rep == 0 ? "warm-up" : "run " + rep,
                        fineTune ? "fine-tune" : "feature-extraction", epoch, wall);
            }
        }
        double ft = median(fineTuneEpochs);
        double fe = median(featureEpochs);
        System.out.printf(Locale.ROOT, "median epoch (%s): fine-tune %.4f s, feature-extraction %.4f s -> %.1f %% of fine-tune%n",
                cpuClock ? "CPU time of the training thread" : "wall time", ft, fe, 100 * fe / ft);
        System.out.printf(Locale.ROOT, "median whole run (%d epochs, incl. loading and encoding): fine-tune %.2f s, feature-extraction %.2f s%n",
                epochs, median(fineTuneWall), median(featureWall));
    }

    /** Each epoch's CPU time of the training thread, from its first batch to its last step. */
    private static final class EpochCpuTimes implements TrainingListener {
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private final List<Double> seconds = new ArrayList<>();
        private long started;

        @Override
        public void batchReady(int epoch, int batch, org.nd4j.linalg.dataset.MultiDataSet data) {
            if (batch == 1) {
                started = threads.getCurrentThreadCpuTime();
            }
        }

        @Override
        public void batchDone(int epoch, int batch, int batches, double loss) {
            if (batch == batches) {
                seconds.add((threads.getCurrentThreadCpuTime() - started) / 1e9);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
