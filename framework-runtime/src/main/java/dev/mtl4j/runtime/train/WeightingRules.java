package dev.mtl4j.runtime.train;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import dev.mtl4j.runtime.plugin.Family;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combinations of a task-weighting method and a pipeline that have no meaning, found before any
 * data is read and reported as configuration errors at their keys.
 */
public final class WeightingRules {
    private WeightingRules() {
    }

    /**
     * The pipeline's task-weighting method, made new for one training and checked against the tasks.
     *
     * @throws MtlException CONFIG_INVALID for an unknown type, bad parameters or a combination without meaning
     */
    public static TaskWeighting resolve(ComponentResolver resolver, PipelineSpec spec) {
        ComponentSpec chosen = spec.training().weightingOrDefault();
        TaskWeighting method = resolver.create(Family.WEIGHTING, chosen, "training.weighting");
        if (spec.strategy() != null && !chosen.type().equals(TrainingSpec.DEFAULT_WEIGHTING)) {
            // domain adaptation and meta-learning train with fixed weights of their own
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.weighting.type", "'"
                    + chosen.type() + "' weighs the tasks of an ordinary training, but the pipeline trains with the "
                    + "strategy '" + spec.strategy().type() + "', which applies the tasks' own weights; leave "
                    + "training.weighting out"));
        }
        check(chosen.type(), method, spec.tasks(), spec.hasTaskData());
        return method;
    }

    /** A trainer that applies the pipeline's task-weighting method, new. */
    public static Trainer trainer(ComponentResolver resolver, PipelineSpec spec, TrainingListener listener) {
        return trainer(resolver, spec, listener, Map.of());
    }

    /** A trainer with checkpoints that applies the pipeline's task-weighting method (a checkpoint resumed holds its state). */
    public static Trainer trainer(ComponentResolver resolver, PipelineSpec spec, TrainingListener listener,
                                  Checkpointing checkpoints) {
        return new Trainer(listener, StepKind.AUTO, checkpoints).weighting(spec.training().weightingOrDefault().type(),
                resolve(resolver, spec), null);
    }

    /**
     * A trainer that applies the pipeline's task-weighting method, continuing from what a model saved
     * ({@link #saved}) when the model was trained with the same method.
     */
    public static Trainer trainer(ComponentResolver resolver, PipelineSpec spec, TrainingListener listener,
                                  Map<String, Object> saved) {
        String type = spec.training().weightingOrDefault().type();
        Map<String, Object> state = type.equals(saved.get("type")) && saved.get("state") instanceof Map<?, ?> map
                ? stringKeyed(map) : null;
        return new Trainer(listener).weighting(type, resolve(resolver, spec), state);
    }

    /** What a model file keeps of the method: its type and final state; empty for a stateless method. */
    public static Map<String, Object> saved(PipelineSpec spec, TrainingHistory history) {
        if (history.weightingState().isEmpty()) {
            return Map.of();
        }
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("type", spec.training().weightingOrDefault().type());
        saved.put("state", history.weightingState());
        return saved;
    }

    private static Map<String, Object> stringKeyed(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    /**
     * @param type the method's type name
     * @param tasksBringOwnData whether each batch holds one task's data set (tasks with their own data)
     * @throws MtlException CONFIG_INVALID listing every problem
     */
    public static void check(String type, TaskWeighting method, List<TaskSpec> tasks, boolean tasksBringOwnData) {
        List<Problem> problems = new ArrayList<>();
        if (method instanceof GradientWeighting && tasks.size() < 2) {
            problems.add(Problem.keyed("training.weighting.type", "'" + type + "' combines the tasks' gradients, but the "
                    + "pipeline has one task; use it with two tasks or more, or leave training.weighting out"));
        }
        if (tasksBringOwnData && !method.allowsPartialBatches()) {
            problems.add(Problem.keyed("training.weighting.type", "'" + type + "' needs every task's "
                    + (method instanceof GradientWeighting ? "gradient" : "loss") + " in every batch, but the tasks bring "
                    + "their own data sets and each batch holds one of them; choose a method that weights the tasks a "
                    + "batch holds (static, uncertainty, dwa or rlw among the built-in ones)"));
        }
        if (!type.equals(TrainingSpec.DEFAULT_WEIGHTING)) {
            for (TaskSpec task : tasks) {
                if (task.weight() != 1.0) {
                    problems.add(Problem.keyed("tasks." + task.name() + ".weight", "is " + task.weight() + ", but the task "
                            + "weighting '" + type + "' sets the tasks' weights itself; a task's weight is the static "
                            + "method's λ: leave it out (1)"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, problems, null);
        }
    }
}
