package dev.mtl4j.runtime.affinity;

import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.StepResult;
import dev.mtl4j.runtime.train.TaskAffinityProbe;
import dev.mtl4j.runtime.train.TrainingListener;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Passes training's progress on, and measures the task affinity before every {@code every}-th step. */
public final class AffinityListener implements TrainingListener {
    private final TrainingListener progress;
    private final TaskAffinityProbe probe;
    private final ComputationGraph trained;
    private final int every;
    private long steps;

    /**
     * @param trained the network being trained, whose parameters each measurement starts from
     * @param every measure before every {@code every}-th step (1: every step)
     */
    public AffinityListener(TrainingListener progress, TaskAffinityProbe probe, ComputationGraph trained, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        this.progress = progress;
        this.probe = probe;
        this.trained = trained;
        this.every = every;
    }

    @Override
    public void batchReady(int epoch, int batch, MultiDataSet data) {
        if (steps++ % every == 0) {
            probe.measure(trained, data);
        }
        progress.batchReady(epoch, batch, data);
    }

    @Override
    public void batchDone(int epoch, int batch, int batches, double loss) {
        progress.batchDone(epoch, batch, batches, loss);
    }

    @Override
    public void stepDone(int epoch, int batch, StepResult step) {
        progress.stepDone(epoch, batch, step);
    }

    @Override
    public void epochDone(EpochReport report) {
        progress.epochDone(report);
    }

    @Override
    public void stoppedEarly(int epoch, int bestEpoch, String metric, double best) {
        progress.stoppedEarly(epoch, bestEpoch, metric, best);
    }
}
