package dev.mtl4j.api.spi;

import java.util.Map;

/**
 * A task-balancing method: how the tasks' losses L_i make one update of the shared parameters. The
 * runtime owns the joint loss; a method is either a {@link LossWeighting}, which sets the weights
 * λ_i(t) of {@code L = Σ λ_i(t) L_i} at every step, or a {@link GradientWeighting}, which combines
 * the tasks' gradients on the shared parameters (or on the shared representation) into one.
 *
 * <p>A method is made for one training run and used by one thread. The runtime calls
 * {@link #start} once, then per step the kind's own method, and {@link #epochDone} after every
 * epoch. Its {@link #state()} is saved in the model file, and a training that continues from that
 * model {@link #restore restores} it after {@code start}, so the method resumes where it stopped.
 */
public sealed interface TaskWeighting permits LossWeighting, GradientWeighting {

    /** Called once before the first step. */
    void start(WeightingContext context);

    /**
     * Whether the method has a defined meaning when a batch holds the labels of some tasks only
     * (tasks that bring their own data sets: one data set a batch). The runtime refuses the
     * combination for a method that says no.
     */
    default boolean allowsPartialBatches() {
        return false;
    }

    /**
     * After each epoch.
     *
     * @param epoch 1-based
     * @param meanLosses each task's mean training loss over the epoch's batches that held its labels
     *     (NaN for a task no batch held)
     */
    default void epochDone(int epoch, double[] meanLosses) {
    }

    /**
     * The method's state (learned weights, optimizer moments, loss histories, counters) as plain
     * values: numbers, booleans, strings, and lists and string-keyed maps of them. Empty for a
     * stateless method.
     */
    default Map<String, Object> state() {
        return Map.of();
    }

    /**
     * Continues from a {@link #state()} saved by the same method on the same tasks; called after
     * {@link #start}.
     *
     * @throws IllegalArgumentException when the state does not fit (another number of tasks, a key missing)
     */
    default void restore(Map<String, Object> state) {
    }
}
