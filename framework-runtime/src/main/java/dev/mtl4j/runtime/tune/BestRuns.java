package dev.mtl4j.runtime.tune;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.reference.ReferenceModel;
import dev.mtl4j.runtime.reference.ReferenceRuns;
import dev.mtl4j.runtime.train.Checkpointing;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The best pipeline trained on the training rows with each seed and measured on the test rows, and,
 * when asked, the reference models (gradient boosting, linear) on the same split with the same seeds.
 *
 * @param seeds the training seeds
 * @param test per seed: model ({@code mtl4j}, {@code gbm}, {@code linear}) to task to metric to value on the test rows
 * @param first the first seed's training, whose model is saved
 */
public record BestRuns(List<Long> seeds, List<Map<String, Map<String, Map<String, Double>>>> test, TrainingResult first) {
    public static final String NETWORK = "mtl4j";

    public static BestRuns train(MtlRuntime runtime, PipelineSpec spec, Path baseDirectory, List<Long> seeds, boolean reference,
                                 IntConsumer progress) {
        List<Map<String, Map<String, Map<String, Double>>>> test = new ArrayList<>();
        TrainingResult first = null;
        for (int i = 0; i < seeds.size(); i++) {
            progress.accept(i);
            PipelineSpec seeded = spec.withTraining(spec.training().withSeed(seeds.get(i)));
            PreparedPipeline prepared = runtime.prepare(seeded, baseDirectory);
            TrainingResult result = runtime.train(prepared, TrainingListener.SILENT, Checkpointing.NONE);
            first = first == null ? result : first;
            Map<String, Map<String, Map<String, Double>>> models = new LinkedHashMap<>();
            models.put(NETWORK, result.metrics().getOrDefault("test", Map.of()));
            if (reference) {
                ReferenceRuns.run(prepared, List.of(ReferenceModel.GBM, ReferenceModel.LINEAR), seeds.get(i))
                        .forEach((model, splits) -> models.put(model, splits.getOrDefault("test", Map.of())));
            }
            test.add(models);
        }
        return new BestRuns(List.copyOf(seeds), List.copyOf(test), first);
    }

    /** Model to task to metric to the mean over seeds. */
    public Map<String, Map<String, Map<String, Double>>> means() {
        Map<String, Map<String, Map<String, Double>>> means = new LinkedHashMap<>();
        for (Map<String, Map<String, Map<String, Double>>> run : test) {
            run.forEach((model, tasks) -> tasks.forEach((task, metrics) -> metrics.forEach((metric, value) ->
                    means.computeIfAbsent(model, m -> new LinkedHashMap<>()).computeIfAbsent(task, t -> new LinkedHashMap<>())
                            .merge(metric, value / test.size(), Double::sum))));
        }
        return means;
    }
}
