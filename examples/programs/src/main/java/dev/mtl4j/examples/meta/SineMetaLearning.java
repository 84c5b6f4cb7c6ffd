package dev.mtl4j.examples.meta;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.meta.MetaResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The sine-wave quality run behind docs/meta-learning.md (Finn et al. 2017 §5.1): for K = 5 and 10,
 * Reptile and first-order MAML meta-train a 1→40→40→1 ReLU network on 1000 training waves, then
 * every one of 300 held-out waves is adapted from K of its points by plain gradient steps and
 * measured (MSE) on its other 100; beside them the pretrained network (trained jointly on every
 * training wave's points) and the network from scratch, adapted by the same steps.
 *
 * <pre>{@code java -cp ... dev.mtl4j.examples.meta.SineMetaLearning [epochs=16] [outerSteps=250] [K list=5,10] [strategies=reptile,fomaml]}</pre>
 */
public final class SineMetaLearning {
    private static final int TRAIN_WAVES = 1000;
    private static final int TEST_WAVES = 300;

    private SineMetaLearning() {
    }

    public static PipelineSpec pipeline(Path file, String type, int k, int epochs, int outerSteps) {
        Transfers.MetaLearning strategy = (type.equals("reptile") ? Transfers.reptile() : Transfers.fomaml())
                .taskColumn("wave").support(k).query(10).innerSteps(3).innerLr(0.1).metaBatch(4).outerSteps(outerSteps)
                .evaluateAfter(0, 1, 10);
        return Mtl.pipeline("sines-" + type + "-k" + k)
                .data(Data.csv(file.toString()).numeric("x").splitColumn("split"))
                .encoder(Encoders.mlp().hidden(40, 40))
                .task("y", Heads.regression())
                .strategy(strategy)
                .training(t -> t.epochs(epochs).batchSize(20).adam(1e-2).seed(1))
                .build();
    }

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int outerSteps = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int[] ks = java.util.Arrays.stream((args.length > 2 ? args[2] : "5,10").split(",")).mapToInt(Integer::parseInt).toArray();
        String[] types = (args.length > 3 ? args[3] : "reptile,fomaml").split(",");
        MtlRuntime runtime = MtlRuntime.create();
        Path folder = Files.createTempDirectory("sines");
        System.out.println("| K | model | MSE after 0 steps | after 1 step | after 10 steps | meta-training |");
        System.out.println("|---|---|---|---|---|---|");
        for (int k : ks) {
            Path file = folder.resolve("sines-k" + k + ".csv");
            SineWaves.write(file, TRAIN_WAVES, k + 10, TEST_WAVES, k + 100, 7);
            MetaResult pretrained = null;
            for (String type : types) {
                long started = System.nanoTime();
                MetaResult result = runtime.metaTrain(pipeline(file, type, k, epochs, outerSteps), folder,
                        TrainingListener.SILENT, pretrained == null);
                double seconds = (System.nanoTime() - started) / 1e9;
                row(k, type, result.metaLearned(), String.format(Locale.ROOT, "%.0f s", seconds));
                if (pretrained == null) {
                    pretrained = result;
                }
            }
            row(k, "pretrained", pretrained.pretrained(), "");
            row(k, "scratch", pretrained.scratch(), "");
        }
    }

    private static void row(int k, String model, TrainingResult result, String time) {
        System.out.printf(Locale.ROOT, "| %d | %s | %.3f | %.3f | %.3f | %s |%n", k, model, result.metric("test@0", "y", "mse"),
                result.metric("test@1", "y", "mse"), result.metric("test@10", "y", "mse"), time);
    }
}
