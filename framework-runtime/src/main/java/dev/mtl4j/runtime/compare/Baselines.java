package dev.mtl4j.runtime.compare;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.EarlyStoppingSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Automatic single-task baselines ({@code mtl train --baselines}): the pipeline trained with each of
 * several seeds, and each of its tasks trained alone with the same seeds — the same encoder, data,
 * epochs, batch size and optimizer, one head, λ = 1, hard sharing (a single task has nothing to
 * share), early stopping on the joint loss when the pipeline watched another task — then every
 * task's metrics compared on the same rows with {@link PairedComparison}'s noise-aware rule.
 */
public final class Baselines {
    /** Hears the trainings a study runs, one after another. */
    public interface Listener {
        /**
         * @param run 1-based
         * @param runs how many trainings the study runs
         * @param label e.g. {@code multi-task, seed 43} or {@code INCOME alone, seed 43}
         * @return the listener that hears this training's epochs
         */
        TrainingListener starting(int run, int runs, String label);
    }

    private final MtlRuntime runtime;

    public Baselines(MtlRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @param first the pipeline prepared and trained with its own seed (the first of {@code seeds}), reused
     * @param seeds the seeds, the pipeline's own first
     */
    public BaselineStudy run(PipelineSpec spec, Path base, PreparedPipeline first, TrainingResult firstResult, List<Long> seeds,
                             Listener listener) {
        String split = first.test() != null ? "test" : first.validation() != null ? "validation" : "train";
        Map<String, List<TaskRows>> multi = new LinkedHashMap<>();
        Map<String, List<TaskRows>> alone = new LinkedHashMap<>();
        int runs = seeds.size() * (spec.tasks().size() + 1) - 1;
        int run = 0;
        for (long seed : seeds) {
            Map<String, TaskRows> joint;
            if (seed == spec.training().seed()) {
                joint = TaskRows.of(firstResult.model(), rows(first, split));
            } else {
                PipelineSpec seeded = new PipelineSpec(spec.name(), spec.data(), spec.encoder(), spec.sharing(), spec.tasks(),
                        spec.training().withSeed(seed));
                joint = train(seeded, base, split, listener.starting(++run, runs, "multi-task, seed " + seed));
            }
            joint.forEach((task, rows) -> multi.computeIfAbsent(task, t -> new ArrayList<>()).add(rows));
            for (TaskSpec task : spec.tasks()) {
                TrainingListener hears = listener.starting(++run, runs, task.name() + " alone, seed " + seed);
                TaskRows rows = train(alone(spec, task, seed), base, split, hears).get(task.name());
                alone.computeIfAbsent(task.name(), t -> new ArrayList<>()).add(rows);
            }
        }
        List<TaskComparison> tasks = PairedComparison.compare(multi, alone, spec.training().seed());
        return new BaselineStudy(split, seeds, tasks, DeltaM.allMetrics(tasks), DeltaM.firstMetric(tasks));
    }

    private Map<String, TaskRows> train(PipelineSpec spec, Path base, String split, TrainingListener listener) {
        PreparedPipeline prepared = runtime.prepare(spec, base);
        TrainingResult result = runtime.train(prepared, listener);
        return TaskRows.of(result.model(), rows(prepared, split));
    }

    private static EncodedData rows(PreparedPipeline prepared, String split) {
        return switch (split) {
            case "test" -> prepared.test();
            case "validation" -> prepared.validation();
            default -> prepared.train();
        };
    }

    /**
     * One task of the pipeline, alone: λ = 1 under the static weighting (a method that balances or
     * aggregates tasks has nothing to balance with one task, and the gradient methods refuse it), hard
     * sharing, its own data if it has some.
     */
    static PipelineSpec alone(PipelineSpec spec, TaskSpec task, long seed) {
        TaskSpec single = new TaskSpec(task.name(), task.head(), 1.0, task.labels(), task.data());
        TrainingSpec training = spec.training().withSeed(seed).withSampler(single.hasOwnData() ? spec.training().sampler() : null)
                .withWeighting(null);
        EarlyStoppingSpec stopping = training.earlyStopping();
        if (stopping != null && stopping.task() != null && !stopping.task().equals(task.name())) {
            training = training.withEarlyStopping(new EarlyStoppingSpec(null, "loss", stopping.patience()));
        }
        return new PipelineSpec(spec.name(), spec.data(), spec.encoder(), ComponentSpec.of("hard"), List.of(single), training);
    }
}
