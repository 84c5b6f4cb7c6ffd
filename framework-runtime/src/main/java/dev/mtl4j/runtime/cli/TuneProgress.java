package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.tune.Trial;
import dev.mtl4j.runtime.tune.Tuner;
import java.util.Locale;
import java.util.Map;

/** A line on standard error as each trial starts and ends. */
final class TuneProgress implements Tuner.Listener {
    private final Console console;

    TuneProgress(Console console) {
        this.console = console;
    }

    @Override
    public synchronized void started(int id, int rung, int epochs, Map<String, String> values) {
        console.line(String.format(Locale.ROOT, "trial %d (rung %d, %d epochs) %s", id, rung, epochs, values));
    }

    @Override
    public synchronized void finished(Trial trial, boolean fromJournal) {
        String outcome = trial.failure() != null ? "failed: " + trial.failure()
                : String.format(Locale.ROOT, "objective %.4f", trial.objective());
        console.line(String.format(Locale.ROOT, "trial %d (rung %d) %s%s", trial.id(), trial.rung(), outcome,
                fromJournal ? " (finished in an earlier run: trials.jsonl)" : String.format(Locale.ROOT, " in %.1f s",
                        trial.seconds())));
    }
}
