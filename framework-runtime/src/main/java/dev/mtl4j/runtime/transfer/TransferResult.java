package dev.mtl4j.runtime.transfer;

import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.data.EncodedData;

/**
 * A transfer's outcome, and, when asked for, what it is compared with under the same budget, so
 * that a user sees whether the strategy helped.
 *
 * @param transferred the model the strategy trained
 * @param baseline the comparison (the same tasks from scratch, or for domain adaptation the same
 *     network trained on the source rows only); null when not asked for
 * @param name what the strategy did, for reports: {@code transfer}, {@code adapted}
 * @param baselineName what the baseline is, for reports: {@code from scratch}, {@code source-only}
 * @param test the test rows both were measured on, or null when the split has none (or they are not kept)
 * @param validation the validation rows, or null
 */
public record TransferResult(TrainingResult transferred, TrainingResult baseline, String name, String baselineName,
                             EncodedData test, EncodedData validation) {

    /** A transfer compared with training from scratch. */
    public TransferResult(TrainingResult transferred, TrainingResult baseline) {
        this(transferred, baseline, "transfer", "from scratch", null, null);
    }

    /** A strategy compared with its baseline, without the rows they were measured on. */
    public TransferResult(TrainingResult transferred, TrainingResult baseline, String name, String baselineName) {
        this(transferred, baseline, name, baselineName, null, null);
    }

    /** A transfer compared with training from scratch on these rows. */
    public TransferResult(TrainingResult transferred, TrainingResult baseline, EncodedData test, EncodedData validation) {
        this(transferred, baseline, "transfer", "from scratch", test, validation);
    }
}
