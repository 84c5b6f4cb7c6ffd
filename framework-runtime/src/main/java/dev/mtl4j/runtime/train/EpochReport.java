package dev.mtl4j.runtime.train;

import java.util.Map;

/**
 * What one epoch did.
 *
 * @param epoch 1-based
 * @param trainLoss the mean joint training loss over the epoch's batches
 * @param validationLoss the joint loss on the validation rows, or NaN without validation rows
 * @param metrics per task, per metric, on the validation rows; empty without validation rows
 * @param seconds wall time of the epoch's training steps
 */
public record EpochReport(int epoch, double trainLoss, double validationLoss,
                          Map<String, Map<String, Double>> metrics, double seconds) {
}
