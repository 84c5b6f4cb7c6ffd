package dev.mtl4j.runtime.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a training loss has diverged. Not only NaN or infinity: a loss that explodes while staying
 * finite (Adam at a learning rate of 1e6 reaches 4.5e27) is as lost, and training on would only save
 * a useless model. The rule, for each task's own loss (λ does not matter: a task weighted 0.001 that
 * explodes still ends in NaN):
 *
 * <pre>  diverged when  loss &gt; {@value #FACTOR} × max(start, {@value #FLOOR})  (or NaN, or infinite)</pre>
 *
 * where {@code start} is the median of the loss over the first {@value #START_BATCHES} batches that
 * held the task's labels (fewer when its first epoch has fewer). The start is the untrained network's
 * level (cross-entropy near ln(classes), a standardised target's squared error near 1), and a healthy
 * loss falls from it; the median of the first epoch would not do, since on a large data set it is the
 * level the network has already learned, which one batch of hard rows can exceed a thousandfold. The
 * floor keeps a task that starts near zero from stopping on ordinary noise. Losses here are
 * dimensionless (mtl4j standardises regression targets), so a ten-thousandfold rise is an explosion,
 * never noise: on the example pipelines the largest batch loss stays below 0.01 of the bound
 * (docs/divergence.md). The batch that crosses the bound is named with its task, so the message
 * says which head blew up. The joint loss is checked for NaN and infinity only (a penalty term that
 * overflows while every task's loss is finite): batches of different data sets have joint losses of
 * different scales, so its size says nothing on its own.
 */
final class DivergenceGuard {
    static final double FACTOR = 1e4;
    static final double FLOOR = 1.0;
    static final int START_BATCHES = 20;

    private final List<String> tasks;
    private final Start[] perTask;

    private DivergenceGuard(List<String> tasks, double[] starts) {
        this.tasks = List.copyOf(tasks);
        this.perTask = Arrays.stream(starts).mapToObj(Start::new).toArray(Start[]::new);
    }

    static DivergenceGuard fresh(List<String> tasks) {
        double[] none = new double[tasks.size()];
        Arrays.fill(none, Double.NaN);
        return new DivergenceGuard(tasks, none);
    }

    /** The guard of a resumed run: each task's start as {@link #starts()} saved it (NaN for a task not seen yet). */
    static DivergenceGuard resumed(List<String> tasks, double[] starts) {
        return new DivergenceGuard(tasks, starts.clone());
    }

    /** Why the step's loss has diverged, naming the task when one task's loss did; empty when it has not. */
    Optional<String> check(StepResult step) {
        for (int i = 0; i < perTask.length; i++) {
            if (step.present()[i]) {
                Optional<String> why = perTask[i].diverged(step.taskLosses()[i]);
                if (why.isPresent()) {
                    return Optional.of("task '" + tasks.get(i) + "': its " + why.get());
                }
            }
        }
        if (!Double.isFinite(step.loss())) {
            return Optional.of("the joint loss is " + step.loss());
        }
        for (int i = 0; i < perTask.length; i++) {
            if (step.present()[i]) {
                perTask[i].add(step.taskLosses()[i]);
            }
        }
        return Optional.empty();
    }

    /** At the end of an epoch, a start still gathering its batches is fixed at what it has. */
    void epochDone() {
        for (Start start : perTask) {
            start.fix();
        }
    }

    /** Each task's start, NaN where none is fixed yet; complete at an epoch's end, when checkpoints are taken. */
    double[] starts() {
        return Arrays.stream(perTask).mapToDouble(start -> start.value).toArray();
    }

    /** One loss's start: gathered over its first batches, then fixed. */
    private static final class Start {
        private final double[] first = new double[START_BATCHES];
        private int count;
        private double value;

        Start(double value) {
            this.value = value;
        }

        Optional<String> diverged(double loss) {
            if (!Double.isFinite(loss)) {
                return Optional.of("loss is " + loss);
            }
            double start = Double.isNaN(value) ? median() : value;
            if (!Double.isNaN(start) && loss > FACTOR * Math.max(start, FLOOR)) {
                String times = start >= FLOOR ? String.format(Locale.ROOT, "its level at the start of training (%.4g)", start)
                        : String.format(Locale.ROOT, "%.0f (its level at the start of training is %.4g)", FLOOR, start);
                return Optional.of(String.format(Locale.ROOT, "loss is %.4g, more than %.0f times %s", loss, FACTOR, times));
            }
            return Optional.empty();
        }

        void add(double loss) {
            if (Double.isNaN(value)) {
                first[count++] = loss;
                if (count == START_BATCHES) {
                    fix();
                }
            }
        }

        void fix() {
            if (Double.isNaN(value) && count > 0) {
                value = median();
            }
        }

        private double median() {
            if (count == 0) {
                return Double.NaN;
            }
            double[] sorted = Arrays.copyOf(first, count);
            Arrays.sort(sorted);
            return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        }
    }
}
