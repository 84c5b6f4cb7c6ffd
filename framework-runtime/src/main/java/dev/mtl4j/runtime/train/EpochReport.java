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
 * @param taskLosses per task, its own (unweighted) training loss, the mean over the epoch's batches that
 *     held its labels
 * @param weights per task, the λ_i(t) the training steps applied, the mean over those batches
 */
public record EpochReport(int epoch, double trainLoss, double validationLoss,
                          Map<String, Map<String, Double>> metrics, double seconds,
                          Map<String, Double> taskLosses, Map<String, Double> weights) {

    public EpochReport {
        taskLosses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taskLosses));
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
    }
}
