package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.util.Locale;
import java.util.Map;

/**
 * Shows training: a bar per epoch on a terminal, and one line of metrics per epoch everywhere; and
 * a bar while a text encoder embeds texts, with one line when it is done.
 */
final class ProgressReporter implements TrainingListener, dev.mtl4j.api.spi.TextProgress {
    private static final int WIDTH = 30;
    private final Console console;

    ProgressReporter(Console console) {
        this.console = console;
    }

    @Override
    public void batchDone(int epoch, int batch, int batches, double loss) {
        if (!console.terminal() || (batch % 5 != 0 && batch != batches)) {
            return;
        }
        int filled = (int) ((long) WIDTH * batch / batches);
        console.status(String.format(Locale.ROOT, "epoch %3d [%s%s] %d/%d loss %.4f", epoch,
                "=".repeat(filled), " ".repeat(WIDTH - filled), batch, batches, loss));
    }

    @Override
    public void update(String stage, long done, long total) {
        if (done >= total) {
            console.line(String.format(Locale.ROOT, "%s: %d/%d done", stage, done, total));
            return;
        }
        if (!console.terminal() || total == 0) {
            return;
        }
        int filled = (int) (WIDTH * done / total);
        console.status(String.format(Locale.ROOT, "%s [%s%s] %d/%d", stage, "=".repeat(filled), " ".repeat(WIDTH - filled),
                done, total));
    }

    @Override
    public void epochDone(EpochReport report) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %3d  loss %.4f", report.epoch(), report.trainLoss()));
        if (report.taskLosses().size() > 1) {
            // each task's own training loss, unweighted
            line.append(" (");
            report.taskLosses().forEach((task, loss) -> line.append(String.format(Locale.ROOT, "%s %.4f, ", task, loss)));
            line.setLength(line.length() - 2);
            line.append(')');
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
}
