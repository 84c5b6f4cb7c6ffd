package dev.mtl4j.runtime.train;

/** Hears training progress; the command line shows it as a progress bar or as plain lines. */
public interface TrainingListener {

    TrainingListener SILENT = new TrainingListener() { };

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
