package dev.mtl4j.runtime.train;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.List;
import java.util.Map;

/**
 * The task-weighting method a trainer applies.
 *
 * @param type the method's type name
 * @param method the method, or null for each task's own weight every step
 * @param state a state saved by an earlier training to continue from, or null
 */
record Weighting(String type, TaskWeighting method, Map<String, Object> state) {
    static final Weighting TASK_WEIGHTS = new Weighting(TrainingSpec.DEFAULT_WEIGHTING, null, null);

    /**
     * Fixed weights for outputs that are not only the tasks (a domain-adaptation device beside them),
     * where a task-weighting method has no defined meaning.
     *
     * @throws MtlException CONFIG_INVALID when a method was chosen
     */
    TaskBalance startFixed(List<String> outputs, double[] lambda, TrainingSpec spec) {
        if (method != null && !type.equals(TrainingSpec.DEFAULT_WEIGHTING)) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.weighting.type", "'" + type
                    + "' weighs the tasks, but domain adaptation trains a domain device beside them at fixed weights; "
                    + "leave training.weighting out (each task's weight is its λ)"));
        }
        WeightingContext context = new WeightingContext(outputs, java.util.Arrays.stream(lambda).boxed().toList(),
                spec.optimizer().learningRate(), spec.seed());
        return TaskBalance.start(null, context, null);
    }

    /**
     * Starts the method for a training of {@code tasks} through {@code step}.
     *
     * @param resumed the method's state in the checkpoint the run goes on from, or null
     */
    TaskBalance start(TrainingStep step, List<TaskSpec> tasks, TrainingSpec spec, Map<String, Object> resumed) {
        GradientSite site = method instanceof GradientWeighting gradients ? gradients.site()
                : method instanceof LossWeighting losses ? losses.gradientNorms() : null;
        if (site == GradientSite.REPRESENTATION) {
            String why = step.whyNoRepresentation();
            if (why != null) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.weighting.gradients",
                        "'" + type + "' takes per-task gradients on the shared representation, but " + why
                                + "; take them on the shared parameters (gradients: parameters)"));
            }
        }
        WeightingContext context = new WeightingContext(tasks.stream().map(TaskSpec::name).toList(),
                tasks.stream().map(TaskSpec::weight).toList(), spec.optimizer().learningRate(), spec.seed());
        try {
            return TaskBalance.start(method, context, resumed != null ? resumed : state);
        } catch (IllegalArgumentException e) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, "the saved state of the task weighting '" + type
                    + "' does not fit this training: " + e.getMessage(), e);
        }
    }
}
