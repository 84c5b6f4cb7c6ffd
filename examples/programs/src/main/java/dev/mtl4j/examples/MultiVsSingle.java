package dev.mtl4j.examples;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.eval.MultiTaskGain;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pipeline trained jointly against each of its tasks trained alone (λ = 1; the same encoder,
 * head, epochs and data otherwise), over several seeds: test accuracy per task and Δm. Run from the
 * repository root: {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.MultiVsSingle PIPELINE.yaml [seeds...]} (seeds 42 43 44 by default).
 */
public final class MultiVsSingle {
    private MultiVsSingle() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].endsWith(".yaml")) {
            System.err.println("usage: MultiVsSingle PIPELINE.yaml [seeds...]");
            System.exit(64);
        }
        List<Long> seeds = java.util.Arrays.stream(args).skip(1).map(Long::valueOf).toList();
        run(args[0], seeds.isEmpty() ? List.of(42L, 43L, 44L) : seeds);
    }

    /** Prints, per seed and task, the joint and the single-task test accuracy, then the means and Δm. */
    public static void run(String file, List<Long> seeds) {
        MtlRuntime runtime = MtlRuntime.create();
        Path pipeline = Path.of(file).toAbsolutePath();
        Path base = pipeline.getParent();
        PipelineSpec spec = runtime.loadPipeline(pipeline);
        System.out.println("seed | task | multi-task accuracy | single-task accuracy");
        Map<String, Double> multiSum = new LinkedHashMap<>();
        Map<String, Double> singleSum = new LinkedHashMap<>();
        for (long seed : seeds) {
            TrainingResult joint = runtime.train(withTasks(spec, spec.tasks(), seed), base, TrainingListener.SILENT);
            for (TaskSpec task : spec.tasks()) {
                TaskSpec alone = new TaskSpec(task.name(), task.head(), 1.0, task.labels(), task.data());
                TrainingResult single = runtime.train(withTasks(spec, List.of(alone), seed), base, TrainingListener.SILENT);
                double m = joint.metric("test", task.name(), "accuracy");
                double s = single.metric("test", task.name(), "accuracy");
                multiSum.merge(task.name(), m / seeds.size(), Double::sum);
                singleSum.merge(task.name(), s / seeds.size(), Double::sum);
                System.out.printf(Locale.ROOT, "%d | %s | %.4f | %.4f%n", seed, task.name(), m, s);
            }
        }
        multiSum.forEach((task, m) -> System.out.printf(Locale.ROOT, "mean | %s | %.4f | %.4f%n", task, m, singleSum.get(task)));
        System.out.printf(Locale.ROOT, "Δm (accuracy, mean over seeds) = %+.2f %%%n", 100 * MultiTaskGain.deltaM(multiSum, singleSum, true));
    }

    /** The pipeline with these tasks and seed; a single task reading the pipeline's rows needs no sampler. */
    private static PipelineSpec withTasks(PipelineSpec spec, List<TaskSpec> tasks, long seed) {
        TrainingSpec t = spec.training();
        boolean ownData = tasks.stream().anyMatch(TaskSpec::hasOwnData);
        return new PipelineSpec(spec.name(), spec.data(), spec.encoder(), spec.sharing(), tasks,
                t.withSeed(seed).withSampler(ownData ? t.sampler() : null));
    }
}
