package dev.mtl4j.runtime.train;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.EarlyStoppingSpec;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Early stopping's memory: the best value of the watched metric, its epoch and parameters, and the
 * epochs since. A checkpoint saves it and a resumed run goes on from it (see {@link TrainingCheckpoint}).
 */
final class EarlyStopping {
    private final EarlyStoppingSpec spec;
    private double best;
    private int bestEpoch;
    private INDArray bestParams;
    private int sinceBest;

    private EarlyStopping(EarlyStoppingSpec spec, double best, int bestEpoch, INDArray bestParams, int sinceBest) {
        this.spec = spec;
        this.best = best;
        this.bestEpoch = bestEpoch;
        this.bestParams = bestParams;
        this.sinceBest = sinceBest;
    }

    /** @param spec the rule, or null to run every epoch (the last epoch is then the best) */
    static EarlyStopping start(EarlyStoppingSpec spec) {
        return new EarlyStopping(spec, Double.NaN, 0, null, 0);
    }

    static EarlyStopping resume(EarlyStoppingSpec spec, TrainingCheckpoint.Stopping saved) {
        return new EarlyStopping(spec, saved.best(), saved.bestEpoch(), saved.bestParams(), saved.sinceBest());
    }

    /** Takes the epoch's measurements; true when training should stop. */
    boolean stopAfter(EpochReport report, ComputationGraph graph, TrainingListener listener) {
        if (spec == null) {
            bestEpoch = report.epoch();
            return false;
        }
        Map<String, Double> task = spec.task() == null ? null : report.metrics().get(spec.task());
        double value = spec.task() == null ? report.validationLoss() : task.getOrDefault(spec.metric(), Double.NaN);
        if (Double.isNaN(value)) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.earlyStopping.metric", "task '"
                    + spec.task() + "' has no metric '" + spec.metric() + "'; it has " + task.keySet()));
        }
        if (Double.isNaN(best) || (spec.minimise() ? value < best : value > best)) {
            best = value;
            bestEpoch = report.epoch();
            bestParams = graph.params().dup();
            sinceBest = 0;
            return false;
        }
        if (++sinceBest >= spec.patience()) {
            listener.stoppedEarly(report.epoch(), bestEpoch, spec.metric(), best);
            return true;
        }
        return false;
    }

    /** Puts the best epoch's parameters back when training ended after it. */
    void keepBest(ComputationGraph graph, int epochsRun) {
        if (bestParams != null && bestEpoch != epochsRun) {
            graph.setParams(bestParams);
        }
    }

    int bestEpoch() {
        return bestEpoch;
    }

    TrainingCheckpoint.Stopping state() {
        return new TrainingCheckpoint.Stopping(best, bestEpoch, bestParams, sinceBest);
    }
}
