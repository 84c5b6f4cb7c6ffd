package dev.mtl4j.runtime.transfer;

import dev.mtl4j.runtime.TrainingResult;

/**
 * A transfer's outcome, and, when asked for, the same tasks trained from scratch with the same
 * budget, so that a user sees whether transfer helped.
 *
 * @param transferred the model that started from the source
 * @param baseline the same network, data, epochs and optimizer from random weights; null when not asked for
 */
public record TransferResult(TrainingResult transferred, TrainingResult baseline) {
}
