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
 * The income pipeline trained jointly and each task trained alone (λ = 1, the same network and
 * budget otherwise), over several seeds: test accuracy per task and Δm. Run from the repository
 * root: {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.IncomeMultiVsSingle [seeds...]}.
 */
public final class IncomeMultiVsSingle {
    private IncomeMultiVsSingle() {
    }

    public static void main(String[] args) {
        List<Long> seeds = args.length == 0 ? List.of(42L, 43L, 44L) : java.util.Arrays.stream(args).map(Long::valueOf).toList();
        MtlRuntime runtime = MtlRuntime.create();
        Path pipelines = Path.of("examples/pipelines").toAbsolutePath();
        PipelineSpec base = runtime.loadPipeline(pipelines.resolve("income.yaml"));
        System.out.println("seed | task | multi-task accuracy | single-task accuracy");
        Map<String, Double> multiSum = new LinkedHashMap<>();
        Map<String, Double> singleSum = new LinkedHashMap<>();
        for (long seed : seeds) {
            PipelineSpec multi = withSeed(base, base.tasks(), seed);
            TrainingResult joint = runtime.train(multi, pipelines, TrainingListener.SILENT);
            for (TaskSpec task : base.tasks()) {
                TaskSpec alone = new TaskSpec(task.name(), task.head(), 1.0, task.labels());
                TrainingResult single = runtime.train(withSeed(base, List.of(alone), seed), pipelines, TrainingListener.SILENT);
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

    private static PipelineSpec withSeed(PipelineSpec spec, List<TaskSpec> tasks, long seed) {
        TrainingSpec t = spec.training();
        return new PipelineSpec(spec.name(), spec.data(), spec.encoder(), spec.sharing(), tasks,
                new TrainingSpec(t.epochs(), t.batchSize(), t.optimizer(), seed, t.shuffle(), t.earlyStopping()));
    }
}
