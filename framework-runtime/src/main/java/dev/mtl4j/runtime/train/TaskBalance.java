package dev.mtl4j.runtime.train;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.GradientWeighting;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The runtime's side of a task-weighting method: what the training step asks it each batch. A loss
 * weighting gives λ between the forward and backward pass (and hears the step's losses after it); a
 * gradient method, and a loss weighting that needs gradient norms, make the step take per-task
 * gradients.
 */
final class TaskBalance {
    private final TaskWeighting method;

    private TaskBalance(TaskWeighting method) {
        this.method = method;
    }

    /**
     * Starts a method for one training run.
     *
     * @param method the method, or null for the tasks' own weights every step
     * @param state a saved state to continue from, or null
     */
    static TaskBalance start(TaskWeighting method, WeightingContext context, Map<String, Object> state) {
        TaskWeighting chosen = method == null ? new TaskWeights() : method;
        chosen.start(context);
        if (state != null && !state.isEmpty()) {
            chosen.restore(state);
        }
        return new TaskBalance(chosen);
    }

    StepResult step(TrainingStep step, MultiDataSet batch) {
        if (method instanceof GradientWeighting gradients) {
            return perTask(step, batch, combining(gradients));
        }
        LossWeighting losses = (LossWeighting) method;
        if (losses.gradientNorms() != null) {
            return perTask(step, batch, measuringNorms(losses));
        }
        StepResult result = step.fit(batch, new StepWeights() {
            @Override
            public double[] weights(double[] batchLosses, boolean[] present) {
                return losses.weights(batchLosses == null ? null : new BatchLosses(batchLosses, present));
            }

            @Override
            public boolean needsLosses() {
                return losses.needsBatchLosses();
            }
        });
        losses.stepDone(new BatchLosses(result.taskLosses(), result.present()), null);
        return result;
    }

    /** A step with per-task gradients; a network without what the method asks of it is a configuration error. */
    private static StepResult perTask(TrainingStep step, MultiDataSet batch, PerTaskRule rule) {
        try {
            return step.fitPerTask(batch, rule);
        } catch (IllegalArgumentException e) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.weighting.gradients", e.getMessage()), e);
        }
    }

    void epochDone(int epoch, double[] meanLosses) {
        method.epochDone(epoch, meanLosses);
    }

    Map<String, Object> state() {
        return method.state();
    }

    private static PerTaskRule combining(GradientWeighting method) {
        return new PerTaskRule() {
            @Override
            public GradientSite site() {
                return method.site();
            }

            @Override
            public double[] headWeights(BatchLosses batch) {
                double[] ones = new double[batch.size()];
                Arrays.fill(ones, 1.0);
                return ones;
            }

            @Override
            public double[] combine(double[][] gram, BatchLosses batch) {
                return method.combine(gram, batch);
            }
        };
    }

    /** λ for heads and shared layers alike, and the norms of the unweighted task gradients for the method. */
    private static PerTaskRule measuringNorms(LossWeighting method) {
        return new PerTaskRule() {
            private double[] lambda;

            @Override
            public GradientSite site() {
                return method.gradientNorms();
            }

            @Override
            public boolean lastLayerGram() {
                return method.gradientNorms() == GradientSite.PARAMETERS;
            }

            @Override
            public double[] headWeights(BatchLosses batch) {
                lambda = method.weights(method.needsBatchLosses() ? batch : null).clone();
                return lambda;
            }

            @Override
            public double[] combine(double[][] gram, BatchLosses batch) {
                double[] norms = new double[gram.length];
                for (int i = 0; i < norms.length; i++) {
                    norms[i] = Math.sqrt(Math.max(gram[i][i], 0));
                }
                method.stepDone(batch, norms);
                return lambda;
            }
        };
    }

    /** Without a method: each task's own weight, every step (the {@code static} method's rule). */
    private static final class TaskWeights implements LossWeighting {
        private double[] lambda;

        @Override
        public void start(WeightingContext context) {
            List<Double> weights = context.taskWeights();
            lambda = weights.stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public boolean allowsPartialBatches() {
            return true;
        }

        @Override
        public double[] weights(BatchLosses batch) {
            return lambda;
        }
    }
}
