package dev.mtl4j.runtime.meta;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.eval.Evaluator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adapting a start to a task by the inner loop, measured after each step count asked for: 0 is the
 * start itself; 1, 5, 10 the same run of steps seen along the way. Metrics are on the episode's query
 * rows, in the targets' own units.
 */
final class Adaptation {
    private final InnerLoop inner;
    private final List<TaskSpec> tasks;
    private final Preprocessor preprocessor;

    Adaptation(InnerLoop inner, List<TaskSpec> tasks, Preprocessor preprocessor) {
        this.inner = inner;
        this.tasks = tasks;
        this.preprocessor = preprocessor;
    }

    /**
     * Step count to task to metric to value. Afterwards the inner network holds the parameters after
     * the largest count.
     */
    Map<Integer, Map<String, Map<String, Double>>> run(INDArray start, MetaTrainer.Episode episode, List<Integer> counts) {
        Map<Integer, Map<String, Map<String, Double>>> byStep = new LinkedHashMap<>();
        inner.reset(start);
        int done = 0;
        for (int count : new TreeSet<>(counts)) {
            inner.steps(EncodedRows.batch(episode.support()), count - done);
            done = count;
            byStep.put(count, Evaluator.evaluate(inner.graph(), episode.query(), tasks, preprocessor));
        }
        return byStep;
    }

    /** {@link #run} on every episode, each metric averaged over them. */
    Map<Integer, Map<String, Map<String, Double>>> mean(INDArray start, List<MetaTrainer.Episode> episodes, List<Integer> counts) {
        Map<Integer, Map<String, Map<String, Double>>> sums = new LinkedHashMap<>();
        for (MetaTrainer.Episode episode : episodes) {
            run(start, episode, counts).forEach((count, byTask) -> byTask.forEach((task, metrics) -> metrics.forEach(
                    (metric, value) -> sums.computeIfAbsent(count, c -> new LinkedHashMap<>())
                            .computeIfAbsent(task, t -> new LinkedHashMap<>()).merge(metric, value, Double::sum))));
        }
        sums.values().forEach(byTask -> byTask.values().forEach(metrics -> metrics.replaceAll((m, v) -> v / episodes.size())));
        return sums;
    }
}
