package dev.mtl4j.runtime.train;

import org.nd4j.linalg.dataset.MultiDataSet;

/** Hears training progress; the command line shows it as a progress bar or as plain lines. */
public interface TrainingListener {

    TrainingListener SILENT = new TrainingListener() { };

    /**
     * A batch about to be trained on, the network still as the previous step left it (the task-affinity
     * probe measures here); the listener must not change the batch, nor keep it past the epoch (its
     * arrays are refilled with the next epoch's rows).
     */
    default void batchReady(int epoch, int batch, MultiDataSet data) {
    }

    default void batchDone(int epoch, int batch, int batches, double loss) {
    }

    /** The step of a batch in full: each task's own loss and λ (called before {@link #batchDone}). */
    default void stepDone(int epoch, int batch, StepResult step) {
    }

    default void epochDone(EpochReport report) {
    }

    default void stoppedEarly(int epoch, int bestEpoch, String metric, double best) {
    }
}
