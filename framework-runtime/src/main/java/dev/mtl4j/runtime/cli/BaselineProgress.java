package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.compare.Baselines;
import dev.mtl4j.runtime.train.TrainingListener;
import java.util.Locale;

/**
 * Shows a baseline study: one bar over all its trainings (epochs done of all, time left) on a
 * terminal, a plain line every few seconds and one per finished training elsewhere.
 */
final class BaselineProgress implements Baselines.Listener {
    private final Console console;
    private final int epochs;
    private Progress progress;

    BaselineProgress(Console console, int epochs) {
        this.console = console;
        this.epochs = epochs;
    }

    @Override
    public TrainingListener starting(int run, int runs, String label) {
        if (progress == null) {
            progress = new Progress(console);
        }
        console.line(String.format(Locale.ROOT, "baselines: training %d/%d: %s (elapsed %s)", run, runs, label,
                Progress.clock(progress.elapsedSeconds())));
        return new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batch, int batches, double loss) {
                long done = (long) (run - 1) * epochs * batches + (long) (epoch - 1) * batches + batch;
                progress.update("baselines", done, (long) runs * epochs * batches, String.format(Locale.ROOT,
                        "training %d/%d: %s, epoch %d/%d", run, runs, label, epoch, epochs));
            }

            @Override
            public void stoppedEarly(int epoch, int bestEpoch, String metric, double best) {
                console.line(String.format(Locale.ROOT, "baselines: training %d/%d (%s) stopped early after epoch %d", run, runs,
                        label, epoch));
            }
        };
    }
}
