package dev.mtl4j.runtime.train;

import java.util.List;

/**
 * Every epoch's report, and the epoch whose parameters the network kept.
 *
 * @param epochs one report per epoch run
 * @param bestEpoch the epoch kept (the last, unless early stopping restored a better one)
 * @param stoppedEarly whether early stopping ended training before the planned epochs
 * @param weightingState the task-weighting method's state at the end (saved with the model; empty for a
 *     stateless method)
 */
public record TrainingHistory(List<EpochReport> epochs, int bestEpoch, boolean stoppedEarly,
                              java.util.Map<String, Object> weightingState) {

    public TrainingHistory {
        epochs = List.copyOf(epochs);
        weightingState = weightingState == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(weightingState));
    }

    /** A history without task-weighting state (a training that applied the tasks' own weights). */
    public TrainingHistory(List<EpochReport> epochs, int bestEpoch, boolean stoppedEarly) {
        this(epochs, bestEpoch, stoppedEarly, null);
    }
}
