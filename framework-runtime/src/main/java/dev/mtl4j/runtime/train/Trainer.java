package dev.mtl4j.runtime.train;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.EarlyStoppingSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.eval.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop: epochs of shuffled mini-batches through {@link ComputationGraph#fit}, per-task
 * metrics after each epoch, early stopping that keeps the best epoch's parameters, and a clear stop
 * when the loss diverges.
 */
public final class Trainer {
    private final TrainingListener listener;
    private final StepKind steps;

    public Trainer(TrainingListener listener) {
        this(listener, StepKind.AUTO);
    }

    public Trainer(TrainingListener listener, StepKind steps) {
        this.listener = listener;
        this.steps = steps;
    }

    /**
     * @param validation validation rows, or null: epochs then report their training loss only, and
     *     early stopping is refused
     */
    public TrainingHistory fit(ComputationGraph graph, TrainingSpec spec, List<TaskSpec> tasks, Preprocessor preprocessor,
                               EncodedData train, EncodedData validation) {
        Random shuffle = spec.shuffle() ? new Random(spec.seed()) : null;
        return fit(graph, spec, tasks, preprocessor, () -> new BatchPlan(train, spec.batchSize(), shuffle), validation);
    }

    /**
     * Trains tasks that bring their own data sets: each batch holds one data set's rows, the sampler
     * picks which, and an epoch is as long as the sampler makes it.
     *
     * @param validation every data set's validation rows stacked (other tasks' labels masked), or null
     */
    public TrainingHistory fit(ComputationGraph graph, TrainingSpec spec, List<TaskSpec> tasks, Preprocessor preprocessor,
                               DataSetRows train, TaskSampler sampler, EncodedData validation) {
        SampledBatches batches = new SampledBatches(train, sampler, spec.batchSize(), spec.seed(), spec.shuffle());
        return fit(graph, spec, tasks, preprocessor, batches::nextEpoch, validation);
    }

    private TrainingHistory fit(ComputationGraph graph, TrainingSpec spec, List<TaskSpec> tasks, Preprocessor preprocessor,
                                java.util.function.Supplier<Batches> epochs, EncodedData validation) {
        EarlyStoppingSpec stopping = spec.earlyStopping();
        if (stopping != null && validation == null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.earlyStopping",
                    "needs validation rows; set data.split.validation (e.g. 0.1)"));
        }
        List<EpochReport> reports = new ArrayList<>();
        double best = Double.NaN;
        int bestEpoch = 0;
        INDArray bestParams = null;
        int sinceBest = 0;
        List<String> taskNames = tasks.stream().map(TaskSpec::name).toList();
        StepWeights weights = StepWeights.fixed(tasks.stream().mapToDouble(TaskSpec::weight).toArray());
        TrainingStep step = steps.create(graph);
        DivergenceGuard guard = DivergenceGuard.fresh(taskNames);
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            long started = System.nanoTime();
            EpochTally tally = runEpoch(step, weights, taskNames, spec, epochs.get(), epoch, guard);
            guard.epochDone();
            double trainLoss = tally.meanLoss();
            // DL4J's epoch counter drives per-epoch learning-rate schedules (a transfer's unfreezing).
            graph.incrementEpochCount();
            double seconds = (System.nanoTime() - started) / 1e9;
            // Per-task metrics each epoch come from the validation rows; without them an epoch costs
            // its training steps alone (the final metrics on every split are measured after training).
            Map<String, Map<String, Double>> metrics = validation == null ? Map.of()
                    : Evaluator.evaluate(graph, validation, tasks, preprocessor);
            double validationLoss = validation == null ? Double.NaN : Evaluator.loss(graph, validation, tasks);
            EpochReport report = new EpochReport(epoch, trainLoss, validationLoss, metrics, seconds, tally.taskLosses(),
                    tally.weights());
            reports.add(report);
            listener.epochDone(report);
            if (stopping == null) {
                bestEpoch = epoch;
                continue;
            }
            double value = stopping.task() == null ? validationLoss : metrics.get(stopping.task()).getOrDefault(stopping.metric(), Double.NaN);
            if (Double.isNaN(value)) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.earlyStopping.metric", "task '"
                        + stopping.task() + "' has no metric '" + stopping.metric() + "'; it has "
                        + metrics.get(stopping.task()).keySet()));
            }
            if (Double.isNaN(best) || (stopping.minimise() ? value < best : value > best)) {
                best = value;
                bestEpoch = epoch;
                bestParams = graph.params().dup();
                sinceBest = 0;
            } else if (++sinceBest >= stopping.patience()) {
                listener.stoppedEarly(epoch, bestEpoch, stopping.metric(), best);
                break;
            }
        }
        // the heads' own loss objects back in the network (a failed run is not saved, so no finally)
        step.close();
        if (bestParams != null && bestEpoch != reports.size()) {
            graph.setParams(bestParams);
        }
        return new TrainingHistory(reports, bestEpoch, reports.size() < spec.epochs());
    }

    private EpochTally runEpoch(TrainingStep step, StepWeights weights, List<String> taskNames, TrainingSpec spec, Batches plan,
                                int epoch, DivergenceGuard guard) {
        EpochTally tally = new EpochTally(taskNames);
        int batches = plan.batches();
        for (int b = 0; b < batches; b++) {
            StepResult result = step.fit(plan.batch(b), weights);
            double loss = result.loss();
            Optional<String> diverged = guard.check(result);
            if (diverged.isPresent()) {
                throw new MtlException(ErrorCategory.NUMERIC_DIVERGENCE, "training diverged in epoch " + epoch + ", batch "
                        + (b + 1) + ", " + diverged.get() + "; lower the learning rate (now "
                        + spec.optimizer().learningRate() + ") or check the data for extreme values");
            }
            tally.add(result);
            listener.stepDone(epoch, b + 1, result);
            listener.batchDone(epoch, b + 1, batches, loss);
        }
        return tally;
    }
}
