package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.util.Locale;
import java.util.Map;

/**
 * Shows training: one bar over all epochs with the time left on a terminal (a plain line every few
 * seconds elsewhere), and one line of metrics per epoch everywhere; and the same for a text encoder's
 * embedding pass, with one line when it is done.
 */
final class ProgressReporter implements TrainingListener, dev.mtl4j.api.spi.TextProgress {
    private final Console console;
    private final int epochs;
    private Progress training;
    private Progress text;
    private String textStage;

    /** For work without epochs (a text encoder embedding the texts of a file). */
    ProgressReporter(Console console) {
        this(console, 0);
    }

    /** @param epochs the planned epochs (the total the time left is counted against) */
    ProgressReporter(Console console, int epochs) {
        this.console = console;
        this.epochs = epochs;
    }

    @Override
    public void batchDone(int epoch, int batch, int batches, double loss) {
        if (training == null) {
            training = new Progress(console);
        }
        long total = epochs > 0 ? (long) epochs * batches : batches;
        long done = epochs > 0 ? (long) (epoch - 1) * batches + batch : batch;
        training.update("training", done, total, String.format(Locale.ROOT, "epoch %s batch %d/%d loss %.4f",
                epochOf(epoch), batch, batches, loss));
    }

    @Override
    public void update(String stage, long done, long total) {
        if (!stage.equals(textStage)) {
            textStage = stage;
            text = new Progress(console);
        }
        if (done >= total) {
            console.line(String.format(Locale.ROOT, "%s: %d/%d done in %s", stage, done, total, Progress.clock(text.elapsedSeconds())));
            return;
        }
        text.update(stage, done, total, "");
    }

    @Override
    public void epochDone(EpochReport report) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %s  loss %.4f", epochOf(report.epoch()),
                report.trainLoss()));
        if (report.taskLosses().size() > 1) {
            // each task's own training loss, unweighted
            line.append(" (");
            report.taskLosses().forEach((task, loss) -> line.append(String.format(Locale.ROOT, "%s %.4f, ", task, loss)));
            line.setLength(line.length() - 2);
            line.append(')');
        }
        if (!report.weighting().equals(dev.mtl4j.api.spec.TrainingSpec.DEFAULT_WEIGHTING)) {
            // what the task-weighting method did this epoch: each task's mean λ
            line.append("  λ");
            report.weights().forEach((task, weight) -> line.append(String.format(Locale.ROOT, " %s=%.3f", task, weight)));
        }
        if (!Double.isNaN(report.validationLoss())) {
            line.append(String.format(Locale.ROOT, "  val-loss %.4f", report.validationLoss()));
        }
        if (!report.metrics().isEmpty()) {
            line.append("  |");
        }
        for (Map.Entry<String, Map<String, Double>> task : report.metrics().entrySet()) {
            line.append(' ').append(task.getKey());
            task.getValue().forEach((metric, value) -> line.append(String.format(Locale.ROOT, " %s=%.4f", metric, value)));
            line.append(" |");
        }
        line.append(String.format(Locale.ROOT, "  (%.1fs)", report.seconds()));
        console.line(line.toString());
    }

    @Override
    public void stoppedEarly(int epoch, int bestEpoch, String metric, double best) {
        console.line(String.format(Locale.ROOT, "early stop after epoch %d: best %s %.4f at epoch %d (its parameters kept)",
                epoch, metric, best, bestEpoch));
    }

    private String epochOf(int epoch) {
        return epochs > 0 ? epoch + "/" + epochs : String.valueOf(epoch);
    }
}
