package dev.mtl4j.examples.sharing;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The income pipeline with hard sharing and with each other sharing strategy's example pipeline
 * ({@code examples/pipelines/income-*.yaml}, which differ from {@code income.yaml} only in
 * {@code sharing}), over several training seeds; the split stays the pipelines' own (seed 7), as in
 * {@code IncomeMultiVsSingle}. Prints test accuracy per strategy and task, per seed and as a mean,
 * and the mean's difference to hard sharing in accuracy points. Run from the repository root:
 * {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.sharing.SharingComparison [--seeds 42,43,44] [pipeline ...]}.
 */
public final class SharingComparison {
    /** The pipelines compared, hard sharing first: it is the baseline of the Δ column. */
    static final List<String> PIPELINES = List.of("income", "income-soft", "income-cross-stitch", "income-hierarchical",
            "income-mmoe", "income-mtan", "income-cgc");

    private SharingComparison() {
    }

    public static void main(String[] args) {
        List<Long> seeds = List.of(42L, 43L, 44L);
        List<String> pipelines = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seeds")) {
                seeds = Arrays.stream(args[++i].split(",")).map(Long::valueOf).toList();
            } else {
                pipelines.add(args[i]);
            }
        }
        if (pipelines.isEmpty()) {
            pipelines.addAll(PIPELINES);
        }
        MtlRuntime runtime = MtlRuntime.create();
        Path dir = Path.of("examples/pipelines").toAbsolutePath();
        // pipeline -> task -> accuracy per seed, in seed order
        Map<String, Map<String, List<Double>>> accuracy = new LinkedHashMap<>();
        for (String name : pipelines) {
            PipelineSpec base = runtime.loadPipeline(dir.resolve(name + ".yaml"));
            for (long seed : seeds) {
                long start = System.nanoTime();
                TrainingResult result = runtime.train(withSeed(base, seed), dir, TrainingListener.SILENT);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s seed %d:", name, seed));
                for (TaskSpec task : base.tasks()) {
                    double a = result.metric("test", task.name(), "accuracy");
                    accuracy.computeIfAbsent(name, k -> new LinkedHashMap<>())
                            .computeIfAbsent(task.name(), k -> new ArrayList<>()).add(a);
                    line.append(String.format(Locale.ROOT, " %s %.4f", task.name(), a));
                }
                line.append(String.format(Locale.ROOT, " (%d epochs, %.1f s)", result.history().epochs().size(),
                        (System.nanoTime() - start) / 1e9));
                System.out.println(line);
            }
        }
        System.out.println();
        System.out.println(table(accuracy, seeds));
    }

    /** A Markdown table: per strategy and task, each seed's accuracy, the mean, and Δ to the first pipeline. */
    static String table(Map<String, Map<String, List<Double>>> accuracy, List<Long> seeds) {
        StringBuilder out = new StringBuilder("| pipeline | task |");
        seeds.forEach(s -> out.append(" seed ").append(s).append(" |"));
        out.append(" mean | Δ to ").append(accuracy.keySet().iterator().next()).append(" (points) |\n|---|---|");
        seeds.forEach(s -> out.append("---|"));
        out.append("---|---|\n");
        Map<String, List<Double>> baseline = accuracy.values().iterator().next();
        accuracy.forEach((name, tasks) -> tasks.forEach((task, values) -> {
            out.append("| ").append(name).append(" | ").append(task).append(" |");
            values.forEach(v -> out.append(String.format(Locale.ROOT, " %.4f |", v)));
            double mean = mean(values);
            out.append(String.format(Locale.ROOT, " %.4f | %+.1f |%n", mean, 100 * (mean - mean(baseline.get(task)))));
        }));
        return out.toString();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static PipelineSpec withSeed(PipelineSpec spec, long seed) {
        return new PipelineSpec(spec.name(), spec.data(), spec.encoder(), spec.sharing(), spec.tasks(),
                spec.training().withSeed(seed));
    }
}
