package dev.mtl4j.runtime.train;

import java.util.Map;

/**
 * What one epoch did.
 *
 * @param epoch 1-based
 * @param trainLoss the mean joint training loss over the epoch's batches
 * @param validationLoss the joint loss on the validation rows, or NaN without validation rows
 * @param metrics per task, per metric, on the validation rows (or the training rows without them)
 * @param metricsSplit which split {@code metrics} were measured on: validation or train
 * @param seconds wall time of the epoch's training steps
 */
public record EpochReport(int epoch, double trainLoss, double validationLoss,
                          Map<String, Map<String, Double>> metrics, String metricsSplit, double seconds) {
}
