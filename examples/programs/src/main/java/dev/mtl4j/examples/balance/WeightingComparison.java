package dev.mtl4j.examples.balance;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every task-weighting method against {@code static} on example pipelines: test metrics over several
 * seeds and Δm against each task trained alone. Each run's test metrics are appended to a results
 * file as they come (a second invocation skips the runs already there), then a table per pipeline is
 * printed in Markdown. A method that does not apply to a pipeline (a gradient method on tasks with
 * their own data sets) is left out with its reason; a gradient method whose per-task gradients cannot
 * be taken on the representation of a pipeline's network (DL4J's general path) runs on the shared
 * parameters and is marked so.
 *
 * <p>Run from the repository root:
 * <pre>
 * java -cp "examples/programs/target/lib/*:examples/programs/target/classes" dev.mtl4j.examples.balance.WeightingComparison \
 *     [--pipelines examples/pipelines/income.yaml,examples/pipelines/digits.yaml,examples/pipelines/reviews-and-spam.yaml]
 *     [--seeds 42,43,44] [--methods static,uncertainty,...] [--results runs/weighting-comparison.tsv]
 * </pre>
 */
public final class WeightingComparison {
    static final List<String> METHODS = List.of("static", "uncertainty", "dwa", "rlw", "famo", "gradnorm", "mgda", "pcgrad",
            "cagrad", "imtl", "nash-mtl", "aligned-mtl", "upgrad");
    private static final String ALONE = "single-task";

    private final MtlRuntime runtime = MtlRuntime.create();
    private final ComparisonResults results;

    private WeightingComparison(Path resultsFile) {
        this.results = new ComparisonResults(resultsFile);
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        List<String> pipelines = List.of(options.getOrDefault("pipelines", "examples/pipelines/income.yaml,"
                + "examples/pipelines/digits.yaml,examples/pipelines/reviews-and-spam.yaml").split(","));
        List<Long> seeds = java.util.Arrays.stream(options.getOrDefault("seeds", "42,43,44").split(",")).map(Long::valueOf).toList();
        List<String> methods = List.of(options.getOrDefault("methods", String.join(",", METHODS)).split(","));
        WeightingComparison comparison = new WeightingComparison(Path.of(options.getOrDefault("results",
                "runs/weighting-comparison.tsv")));
        for (String pipeline : pipelines) {
            comparison.run(Path.of(pipeline).toAbsolutePath(), seeds, methods);
        }
        for (String pipeline : pipelines) {
            PipelineSpec spec = comparison.runtime.loadPipeline(Path.of(pipeline).toAbsolutePath());
            System.out.println(ComparisonTable.render(spec, comparison.results.load(spec.name()), methods, seeds));
        }
    }

    private void run(Path file, List<Long> seeds, List<String> methods) throws IOException {
        PipelineSpec spec = runtime.loadPipeline(file);
        Path base = file.getParent();
        for (long seed : seeds) {
            for (TaskSpec task : spec.tasks()) {
                String label = ALONE + ":" + task.name();
                if (!results.has(spec.name(), label, seed)) {
                    TaskSpec alone = new TaskSpec(task.name(), task.head(), 1.0, task.labels(), task.data());
                    record(spec, label, seed, train(spec, List.of(alone), null, seed, base));
                }
            }
            for (String method : methods) {
                if (results.has(spec.name(), method, seed) || results.skipped(spec.name(), method)) {
                    continue;
                }
                List<TaskSpec> tasks = method.equals("static") ? spec.tasks() : spec.tasks().stream()
                        .map(t -> new TaskSpec(t.name(), t.head(), 1.0, t.labels(), t.data())).toList();
                try {
                    record(spec, method, seed, train(spec, tasks, ComponentSpec.of(method), seed, base));
                } catch (MtlException e) {
                    if (e.category() != ErrorCategory.CONFIG_INVALID) {
                        throw e;
                    }
                    if (e.getMessage().contains("training.weighting.gradients")) {
                        // DL4J's general path: the per-task gradients on the shared parameters
                        ComponentSpec onParameters = ComponentSpec.of(method).with("gradients", "parameters");
                        record(spec, method, seed, train(spec, tasks, onParameters, seed, base));
                        results.note(spec.name(), method, "gradients on the shared parameters");
                    } else {
                        results.skip(spec.name(), method, e.getMessage());
                        System.out.println(spec.name() + " " + method + ": does not apply: " + e.getMessage());
                    }
                }
            }
        }
    }

    private TrainingResult train(PipelineSpec spec, List<TaskSpec> tasks, ComponentSpec weighting, long seed, Path base) {
        TrainingSpec t = spec.training();
        boolean ownData = tasks.stream().anyMatch(TaskSpec::hasOwnData);
        TrainingSpec training = t.withSeed(seed).withSampler(ownData ? t.sampler() : null).withWeighting(weighting);
        PipelineSpec run = new PipelineSpec(spec.name(), spec.data(), spec.encoder(), spec.sharing(), tasks, training);
        long started = System.nanoTime();
        TrainingResult result = runtime.train(run, base, TrainingListener.SILENT);
        System.out.printf(Locale.ROOT, "%s %s seed %d: %.0f s%n", spec.name(), weighting == null ? tasks.get(0).name() + " alone"
                : weighting.type(), seed, (System.nanoTime() - started) / 1e9);
        return result;
    }

    private void record(PipelineSpec spec, String label, long seed, TrainingResult result) throws IOException {
        Map<String, Map<String, Double>> test = result.metrics().get("test");
        Map<String, Double> values = new LinkedHashMap<>();
        test.forEach((task, metrics) -> values.put(task, metrics.get(ComparisonTable.metricOf(spec, task))));
        results.append(spec.name(), label, seed, values);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
