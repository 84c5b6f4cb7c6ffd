package dev.mtl4j.runtime.transfer;

import dev.mtl4j.runtime.TrainingResult;

/**
 * A transfer's outcome, and, when asked for, what it is compared with under the same budget, so
 * that a user sees whether the strategy helped.
 *
 * @param transferred the model the strategy trained
 * @param baseline the comparison (the same tasks from scratch, or for domain adaptation the same
 *     network trained on the source rows only); null when not asked for
 * @param name what the strategy did, for reports: {@code transfer}, {@code adapted}
 * @param baselineName what the baseline is, for reports: {@code from scratch}, {@code source-only}
 */
public record TransferResult(TrainingResult transferred, TrainingResult baseline, String name, String baselineName) {

    /** A transfer compared with training from scratch. */
    public TransferResult(TrainingResult transferred, TrainingResult baseline) {
        this(transferred, baseline, "transfer", "from scratch");
    }
}
