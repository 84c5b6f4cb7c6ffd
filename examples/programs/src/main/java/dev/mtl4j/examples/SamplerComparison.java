package dev.mtl4j.examples;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Samplers;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code examples/pipelines/digits-own-data.yaml} (digit on 1,200 rows, parity on 300 other rows)
 * under each sampler, and each task alone on its own data, over several seeds: mean test accuracy
 * and log-loss per task, and seconds per run. Run from the repository root:
 * {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.SamplerComparison [seeds...]}.
 */
public final class SamplerComparison {
    private SamplerComparison() {
    }

    public static void main(String[] args) {
        List<Long> seeds = args.length == 0 ? List.of(42L, 43L, 44L) : java.util.Arrays.stream(args).map(Long::valueOf).toList();
        MtlRuntime runtime = MtlRuntime.create();
        Path pipelines = Path.of("examples/pipelines").toAbsolutePath();
        PipelineSpec base = runtime.loadPipeline(pipelines.resolve("digits-own-data.yaml"));
        Map<String, Component> samplers = new LinkedHashMap<>();
        samplers.put("proportional", Samplers.proportional());
        samplers.put("temperature T=2", Samplers.temperature(2.0));
        samplers.put("temperature T=5", Samplers.temperature(5.0));
        samplers.put("round-robin", Samplers.roundRobin());
        samplers.put("uniform", Samplers.uniform());
        System.out.println("| run | digit accuracy | digit log-loss | parity accuracy | parity log-loss | s/run |");
        System.out.println("|---|---|---|---|---|---|");
        samplers.forEach((name, sampler) -> report(runtime, pipelines, name, seeds,
                seed -> with(base, base.tasks(), sampler.toSpec(), seed)));
        for (TaskSpec task : base.tasks()) {
            report(runtime, pipelines, task.name() + " alone", seeds, seed -> with(base, List.of(task), null, seed));
        }
    }

    private static void report(MtlRuntime runtime, Path pipelines, String name, List<Long> seeds,
                               java.util.function.LongFunction<PipelineSpec> spec) {
        Map<String, Double> sums = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (long seed : seeds) {
            TrainingResult result = runtime.train(spec.apply(seed), pipelines, TrainingListener.SILENT);
            result.metrics().get("test").forEach((task, metrics) -> {
                sums.merge(task + " accuracy", metrics.get("accuracy") / seeds.size(), Double::sum);
                sums.merge(task + " log-loss", metrics.get("log-loss") / seeds.size(), Double::sum);
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9 / seeds.size();
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f |%n", name, cell(sums, "digit accuracy"),
                cell(sums, "digit log-loss"), cell(sums, "parity accuracy"), cell(sums, "parity log-loss"), seconds);
    }

    private static String cell(Map<String, Double> sums, String key) {
        return sums.containsKey(key) ? String.format(Locale.ROOT, "%.4f", sums.get(key)) : "";
    }

    private static PipelineSpec with(PipelineSpec spec, List<TaskSpec> tasks, ComponentSpec sampler, long seed) {
        return new PipelineSpec(spec.name(), spec.data(), spec.encoder(), spec.sharing(), tasks,
                spec.training().withSeed(seed).withSampler(sampler));
    }
}
