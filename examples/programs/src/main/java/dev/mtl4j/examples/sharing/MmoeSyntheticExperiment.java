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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * dev.mtl4j.examples.sharing.MmoeSyntheticExperiment [--p 1.0,0.9,0.5] [--seeds 1,2,3] [--train 10000]
 * [--test 2000] [--epochs 20] [--experts 8] [--expert-width 16] [--hard-width 128] [--tower 8]
 * [--lr 0.001] [--batch 128]}.
 */
public final class MmoeSyntheticExperiment {
    private MmoeSyntheticExperiment() {
    }

    /** The experiment's settings; {@link #parse} reads them from the command line. */
    record Settings(List<Double> ps, List<Long> seeds, int train, int test, int epochs, int experts, int expertWidth,
                    int hardWidth, int tower, double lr, int batch) {
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
                    Integer.parseInt(options.getOrDefault("train", "10000")),
                    Integer.parseInt(options.getOrDefault("test", "2000")),
                    Integer.parseInt(options.getOrDefault("epochs", "20")),
                    Integer.parseInt(options.getOrDefault("experts", "8")),
                    Integer.parseInt(options.getOrDefault("expert-width", "16")),
                    Integer.parseInt(options.getOrDefault("hard-width", "128")),
                    Integer.parseInt(options.getOrDefault("tower", "8")),
                    Double.parseDouble(options.getOrDefault("lr", "0.001")),
                    Integer.parseInt(options.getOrDefault("batch", "128")));
            options.keySet().removeAll(List.of("seeds", "train", "test", "epochs", "experts", "expert-width",
                    "hard-width", "tower", "lr", "batch"));
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
        // p -> model -> task -> test MSE per seed
        Map<Double, Map<String, Map<String, List<Double>>>> mse = new LinkedHashMap<>();
        try {
            for (double p : settings.ps()) {
                for (long seed : settings.seeds()) {
                    Path csv = dir.resolve("p" + p + "-seed" + seed + ".csv");
                    new MmoeSyntheticData(p, seed).write(csv, settings.train(), settings.test());
                    for (String model : List.of("hard", "mmoe")) {
                        long start = System.nanoTime();
                        TrainingResult result = runtime.train(spec(settings, model, csv, seed), dir, TrainingListener.SILENT);
                        double y1 = result.metric("test", "y1", "mse");
                        double y2 = result.metric("test", "y2", "mse");
                        Map<String, List<Double>> tasks = mse.computeIfAbsent(p, k -> new LinkedHashMap<>())
                                .computeIfAbsent(model, k -> new LinkedHashMap<>());
                        tasks.computeIfAbsent("y1", k -> new ArrayList<>()).add(y1);
                        tasks.computeIfAbsent("y2", k -> new ArrayList<>()).add(y2);
                        System.out.printf(Locale.ROOT, "p %.2f seed %d %-4s: test MSE y1 %.4f y2 %.4f (%d parameters, %.1f s)%n",
                                p, seed, model, y1, y2, result.model().graph().numParams(), (System.nanoTime() - start) / 1e9);
                    }
                    Files.delete(csv);
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        System.out.println();
        System.out.println(table(mse));
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
                .training(t -> t.epochs(s.epochs()).batchSize(s.batch()).adam(s.lr()).seed(seed))
                .build();
    }

    /** Markdown: per p, mean ± sd over seeds of each model's test MSE per task, and hard − mmoe. */
    static String table(Map<Double, Map<String, Map<String, List<Double>>>> mse) {
        StringBuilder out = new StringBuilder("| p | task | hard | mmoe | hard − mmoe |\n|---|---|---|---|---|\n");
        mse.forEach((p, models) -> {
            for (String task : List.of("y1", "y2", "mean")) {
                List<Double> hard = values(models.get("hard"), task);
                List<Double> mmoe = values(models.get("mmoe"), task);
                List<Double> advantage = new ArrayList<>();
                for (int i = 0; i < hard.size(); i++) {
                    advantage.add(hard.get(i) - mmoe.get(i));
                }
                out.append(String.format(Locale.ROOT, "| %.1f | %s | %s | %s | %s |%n", p, task, meanSd(hard),
                        meanSd(mmoe), meanSd(advantage)));
            }
        });
        return out.toString();
    }

    /** One task's values per seed, or for "mean" the mean of both tasks per seed. */
    private static List<Double> values(Map<String, List<Double>> tasks, String task) {
        if (!task.equals("mean")) {
            return tasks.get(task);
        }
        List<Double> y1 = tasks.get("y1");
        List<Double> y2 = tasks.get("y2");
        List<Double> mean = new ArrayList<>();
        for (int i = 0; i < y1.size(); i++) {
            mean.add((y1.get(i) + y2.get(i)) / 2);
        }
        return mean;
    }

    static String meanSd(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = values.size() < 2 ? 0 : Math.sqrt(squares / (values.size() - 1));
        return String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd);
    }
}
