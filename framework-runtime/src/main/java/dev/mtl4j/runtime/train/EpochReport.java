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
 * @param weights per task, the λ_i(t) the training steps applied (for a gradient method, each task's
 *     coefficient in the shared update), the mean over those batches
 * @param validationTaskLosses per task, its own (unweighted) loss on the validation rows that have its
 *     labels; empty without validation rows
 * @param trainMetrics per task, per metric, after the epoch on a fixed sample of at most
 *     {@link Trainer#TRAIN_SAMPLE_ROWS} training rows (spread over them), for train-vs-validation curves
 * @param weighting the task-weighting method's type name ({@code static} by default)
 */
public record EpochReport(int epoch, double trainLoss, double validationLoss,
                          Map<String, Map<String, Double>> metrics, double seconds,
                          Map<String, Double> taskLosses, Map<String, Double> weights,
                          Map<String, Double> validationTaskLosses, Map<String, Map<String, Double>> trainMetrics,
                          String weighting) {

    public EpochReport {
        taskLosses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taskLosses));
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        validationTaskLosses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(validationTaskLosses));
        trainMetrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(trainMetrics));
        weighting = weighting == null ? dev.mtl4j.api.spec.TrainingSpec.DEFAULT_WEIGHTING : weighting;
    }

    /** An epoch of the default task weighting ({@code static}). */
    public EpochReport(int epoch, double trainLoss, double validationLoss, Map<String, Map<String, Double>> metrics,
                       double seconds, Map<String, Double> taskLosses, Map<String, Double> weights,
                       Map<String, Double> validationTaskLosses, Map<String, Map<String, Double>> trainMetrics) {
        this(epoch, trainLoss, validationLoss, metrics, seconds, taskLosses, weights, validationTaskLosses, trainMetrics, null);
    }

    /** An epoch without validation task losses or training metrics (a training that measures none), of {@code static}. */
    public EpochReport(int epoch, double trainLoss, double validationLoss, Map<String, Map<String, Double>> metrics,
                       double seconds, Map<String, Double> taskLosses, Map<String, Double> weights) {
        this(epoch, trainLoss, validationLoss, metrics, seconds, taskLosses, weights, Map.of(), Map.of());
    }
}
