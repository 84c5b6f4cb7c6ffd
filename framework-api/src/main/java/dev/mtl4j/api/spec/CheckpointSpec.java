package dev.mtl4j.api.spec;

import dev.mtl4j.api.spi.Param;

/**
 * Save a checkpoint of the run every {@code every} epochs, from which a killed run goes on
 * ({@code mtl train PIPELINE --resume}) to the same result, to the last digit, as a run that was
 * never stopped. The command line keeps it as {@code checkpoint.zip} in the run's output folder,
 * replaced atomically at each save and removed when the run's results are written.
 *
 * @param every epochs between checkpoints, ≥ 1
 */
public record CheckpointSpec(
        @Param(doc = "Epochs between checkpoints (a checkpoint after every that many epochs)", min = 1) int every) {

    public CheckpointSpec {
        SpecException.require(every >= 1, "every", "must be >= 1, got " + every);
    }
}
