package dev.mtl4j.runtime.train;

import java.util.List;

/**
 * Every epoch's report, and the epoch whose parameters the network kept.
 *
 * @param epochs one report per epoch run
 * @param bestEpoch the epoch kept (the last, unless early stopping restored a better one)
 * @param stoppedEarly whether early stopping ended training before the planned epochs
 */
public record TrainingHistory(List<EpochReport> epochs, int bestEpoch, boolean stoppedEarly) {

    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }
}
