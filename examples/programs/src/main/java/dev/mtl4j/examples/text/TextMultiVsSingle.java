package dev.mtl4j.examples.text;

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
 * Review sentiment, spam and hard ham on one shared text encoder ({@code reviews-and-spam.yaml}, or
 * the pipeline named as the first argument), against each task trained alone with the same
 * encoder, head and epochs: test accuracy per task and Δm, over several seeds. Run from the
 * repository root: {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.text.TextMultiVsSingle [pipeline.yaml] [seeds...]}.
 */
public final class TextMultiVsSingle {
    private TextMultiVsSingle() {
    }

    public static void main(String[] args) {
        String file = args.length > 0 && args[0].endsWith(".yaml") ? args[0] : "examples/pipelines/reviews-and-spam.yaml";
        List<Long> seeds = java.util.Arrays.stream(args).filter(a -> !a.endsWith(".yaml")).map(Long::valueOf).toList();
        seeds = seeds.isEmpty() ? List.of(42L, 43L, 44L) : seeds;
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
                new TrainingSpec(t.epochs(), t.batchSize(), t.optimizer(), seed, t.shuffle(), t.earlyStopping(),
                        ownData ? t.sampler() : null));
    }
}
