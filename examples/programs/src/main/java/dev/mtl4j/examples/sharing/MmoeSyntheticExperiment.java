package dev.mtl4j.examples.sharing;

import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The synthetic experiment of the MMoE paper (Ma et al. 2018, section 3.2): for each task
 * correlation p and seed, generate {@link MmoeSyntheticData}, train hard sharing (one shared MLP
 * layer) and MMoE (experts of one MLP layer each, a softmax gate per task) on y1 and y2 with the
 * same regression towers, and compare test MSE. The seed draws the data (u1, u2, α, β, rows) and
 * the training (weights, shuffling), so each seed is an independent repetition. Run from the
 * repository root:
 * {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.sharing.MmoeSyntheticExperiment [--p 1.0,0.9,0.5] [--seeds 1,2,3]
 * [--sines normal:1|normal:0.1|ramp] [--init uniform|auto|he|xavier|lecun] [--train 10000] [--test 2000]
 * [--epochs 10] [--experts 8] [--expert-width 16] [--hard-width 128] [--tower 8] [--lr 0.001]
 * [--batch 128]}. The defaults are the README's headline setting: bent sines (α, β ~ N(0, 1)) and
 * every weight layer started as PyTorch starts a linear layer, U(±1/√fan-in); with mtl4j's
 * per-component start ({@code --init auto}: He for ReLU layers) both models train markedly worse
 * here and MMoE falls behind, in mtl4j and in the PyTorch twin alike.
 */
public final class MmoeSyntheticExperiment {
    private MmoeSyntheticExperiment() {
    }

    /** The experiment's settings; {@link #parse} reads them from the command line. */
    record Settings(List<Double> ps, List<Long> seeds, Sines sines, int train, int test, int epochs, int experts, int expertWidth,
                    int hardWidth, int tower, double lr, int batch, String init) {
        static Settings parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected an option --name value, got '" + args[i] + "'");
                }
                options.put(args[i].substring(2), args[i + 1]);
            }
            Settings s = new Settings(
                    doubles(options.remove("p"), "1.0,0.9,0.5"),
                    Arrays.stream(options.getOrDefault("seeds", "1,2,3").split(",")).map(Long::valueOf).toList(),
                    Sines.parse(options.getOrDefault("sines", "normal:1")),
                    Integer.parseInt(options.getOrDefault("train", "10000")),
                    Integer.parseInt(options.getOrDefault("test", "2000")),
                    Integer.parseInt(options.getOrDefault("epochs", "10")),
                    Integer.parseInt(options.getOrDefault("experts", "8")),
                    Integer.parseInt(options.getOrDefault("expert-width", "16")),
                    Integer.parseInt(options.getOrDefault("hard-width", "128")),
                    Integer.parseInt(options.getOrDefault("tower", "8")),
                    Double.parseDouble(options.getOrDefault("lr", "0.001")),
                    Integer.parseInt(options.getOrDefault("batch", "128")),
                    options.getOrDefault("init", "uniform"));
            options.keySet().removeAll(List.of("seeds", "sines", "train", "test", "epochs", "experts", "expert-width",
                    "hard-width", "tower", "lr", "batch", "init"));
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + options.keySet());
            }
            return s;
        }

        private static List<Double> doubles(String text, String defaults) {
            return Arrays.stream((text == null ? defaults : text).split(",")).map(Double::valueOf).toList();
        }
    }

    public static void main(String[] args) throws IOException {
        Settings settings = Settings.parse(args);
        System.out.println(settings);
        MtlRuntime runtime = MtlRuntime.create();
        Path dir = Files.createTempDirectory("mmoe-synthetic");
        MmoeSyntheticResults results = new MmoeSyntheticResults();
        try {
            for (double p : settings.ps()) {
                for (long seed : settings.seeds()) {
                    Path csv = dir.resolve(MmoeSyntheticFiles.fileName(p, seed));
                    new MmoeSyntheticData(p, settings.sines(), seed).write(csv, settings.train(), settings.test());
                    for (String model : MmoeSyntheticResults.MODELS) {
                        long start = System.nanoTime();
                        TrainingResult result = runtime.train(spec(settings, model, csv, seed), dir, TrainingListener.SILENT);
                        var run = new MmoeSyntheticResults.Run(p, seed, model, result.metric("test", "y1", "mse"),
                                result.metric("test", "y2", "mse"));
                        results.add(run);
                        System.out.println(run.line(String.format(Locale.ROOT, "%d parameters, %.1f s",
                                result.model().graph().numParams(), (System.nanoTime() - start) / 1e9)));
                    }
                    Files.delete(csv);
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        System.out.println();
        System.out.println(report(results));
    }

    /** The tables: mean ± sd per p and task, the advantage per seed, and the paired trend over p. */
    static String report(MmoeSyntheticResults results) {
        return results.table() + "\nPer seed, hard − mmoe of the two tasks' mean test MSE (positive: MMoE better):\n\n"
                + results.perSeed() + "\n" + results.trend();
    }

    /** The pipeline: the same data, towers and training for both models; only the shared part differs. */
    static PipelineSpec spec(Settings s, String model, Path csv, long seed) {
        boolean mmoe = model.equals("mmoe");
        ComponentSource sharing = mmoe ? Sharing.attention("mmoe").experts(s.experts()) : Sharing.hard();
        return Mtl.pipeline("mmoe-synthetic-" + model)
                .data(Data.csv(csv.toString()).numeric("x*").splitColumn("split"))
                .encoder(Encoders.mlp().hidden(mmoe ? s.expertWidth() : s.hardWidth()).activation("relu"))
                .sharing(sharing)
                .task("y1", Heads.regression(1).hidden(s.tower()))
                .task("y2", Heads.regression(1).hidden(s.tower()))
                .training(t -> t.epochs(s.epochs()).batchSize(s.batch()).adam(s.lr()).seed(seed).init(s.init()))
                .build();
    }
}
