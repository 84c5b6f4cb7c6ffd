package dev.mtl4j.runtime.train;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
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
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop: epochs of shuffled mini-batches, per-task metrics after each epoch, early
 * stopping that keeps the best epoch's parameters ({@link EarlyStopping}), a stop with
 * NUMERIC_DIVERGENCE when a loss explodes ({@link DivergenceGuard}), and a checkpoint every few
 * epochs, from which a killed run goes on to the same result, to the last digit, as a run never
 * stopped ({@link TrainingCheckpoint}).
 */
public final class Trainer {
    private final TrainingListener listener;
    private final StepKind steps;
    private final Checkpointing checkpoints;

    public Trainer(TrainingListener listener) {
        this(listener, StepKind.AUTO);
    }

    public Trainer(TrainingListener listener, StepKind steps) {
        this(listener, steps, Checkpointing.NONE);
    }

    public Trainer(TrainingListener listener, StepKind steps, Checkpointing checkpoints) {
        this.listener = listener;
        this.steps = steps;
        this.checkpoints = checkpoints;
    }

    /**
     * @param validation validation rows, or null: epochs then report their training loss only, and
     *     early stopping is refused
     */
    public TrainingHistory fit(ComputationGraph graph, TrainingSpec spec, List<TaskSpec> tasks, Preprocessor preprocessor,
                               EncodedData train, EncodedData validation) {
        return fit(graph, spec, tasks, preprocessor, BatchPlan.epochs(train, spec.batchSize(), spec.seed(), spec.shuffle()),
                validation);
    }

    /**
     * Trains tasks that bring their own data sets: each batch holds one data set's rows, the sampler
     * picks which, and an epoch is as long as the sampler makes it.
     *
     * @param validation every data set's validation rows stacked (other tasks' labels masked), or null
     */
    public TrainingHistory fit(ComputationGraph graph, TrainingSpec spec, List<TaskSpec> tasks, Preprocessor preprocessor,
                               DataSetRows train, TaskSampler sampler, EncodedData validation) {
        return fit(graph, spec, tasks, preprocessor, new SampledBatches(train, sampler, spec.batchSize(), spec.seed(),
                spec.shuffle()), validation);
    }

    private TrainingHistory fit(ComputationGraph graph, TrainingSpec spec, List<TaskSpec> tasks, Preprocessor preprocessor,
                                EpochSource epochs, EncodedData validation) {
        if (spec.earlyStopping() != null && validation == null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.earlyStopping",
                    "needs validation rows; set data.split.validation (e.g. 0.1)"));
        }
        List<String> taskNames = tasks.stream().map(TaskSpec::name).toList();
        List<EpochReport> reports = new ArrayList<>();
        EarlyStopping stopping = EarlyStopping.start(spec.earlyStopping());
        DivergenceGuard guard = DivergenceGuard.fresh(taskNames);
        Optional<TrainingCheckpoint> resumed = checkpoints.resume(graph);
        if (resumed.isPresent()) {
            TrainingCheckpoint checkpoint = resumed.get();
            NetworkState.restore(graph, checkpoint);
            reports.addAll(checkpoint.history());
            stopping = EarlyStopping.resume(spec.earlyStopping(), checkpoint.stopping());
            guard = DivergenceGuard.resumed(taskNames, checkpoint.divergenceStarts());
            for (int epoch = 1; epoch <= checkpoint.epochsDone(); epoch++) {
                epochs.skip();
            }
        }
        StepWeights weights = StepWeights.fixed(tasks.stream().mapToDouble(TaskSpec::weight).toArray());
        TrainingStep step = steps.create(graph);
        int lastCheckpoint = reports.size();
        for (int epoch = reports.size() + 1; epoch <= spec.epochs(); epoch++) {
            long started = System.nanoTime();
            EpochTally tally = runEpoch(step, weights, taskNames, spec, epochs.next(), epoch, guard, lastCheckpoint);
            guard.epochDone();
            // DL4J's epoch counter drives per-epoch learning-rate schedules (a transfer's unfreezing).
            graph.incrementEpochCount();
            double seconds = (System.nanoTime() - started) / 1e9;
            // Per-task metrics each epoch come from the validation rows; without them an epoch costs
            // its training steps alone (the final metrics on every split are measured after training).
            Map<String, Map<String, Double>> metrics = validation == null ? Map.of()
                    : Evaluator.evaluate(graph, validation, tasks, preprocessor);
            double validationLoss = validation == null ? Double.NaN : Evaluator.loss(graph, validation, tasks);
            EpochReport report = new EpochReport(epoch, tally.meanLoss(), validationLoss, metrics, seconds,
                    tally.taskLosses(), tally.weights());
            reports.add(report);
            listener.epochDone(report);
            if (stopping.stopAfter(report, graph, listener)) {
                break;
            }
            if (checkpoints.every() > 0 && epoch % checkpoints.every() == 0 && epoch < spec.epochs()) {
                checkpoints.save(NetworkState.capture(graph, epoch, guard, stopping, reports));
                lastCheckpoint = epoch;
            }
        }
        // the heads' own loss objects back in the network (a failed run is not saved, so no finally)
        step.close();
        stopping.keepBest(graph, reports.size());
        return new TrainingHistory(reports, stopping.bestEpoch(), reports.size() < spec.epochs());
    }

    private EpochTally runEpoch(TrainingStep step, StepWeights weights, List<String> taskNames, TrainingSpec spec, Batches plan,
                                int epoch, DivergenceGuard guard, int lastCheckpoint) {
        EpochTally tally = new EpochTally(taskNames);
        int batches = plan.batches();
        for (int b = 0; b < batches; b++) {
            StepResult result = step.fit(plan.batch(b), weights);
            double loss = result.loss();
            Optional<String> diverged = guard.check(result);
            if (diverged.isPresent()) {
                // Keyed at the learning rate, the usual culprit: the command line places it at that line of the file.
                throw new MtlException(ErrorCategory.NUMERIC_DIVERGENCE, Problem.keyed("training.optimizer.lr",
                        "training diverged in epoch " + epoch + ", batch " + (b + 1) + ", " + diverged.get()
                        + "; lower the learning rate (now " + spec.optimizer().learningRate()
                        + ") or check the data for extreme values"
                        + (lastCheckpoint > 0 ? " (the checkpoint of epoch " + lastCheckpoint + " is kept)" : "")));
            }
            tally.add(result);
            listener.stepDone(epoch, b + 1, result);
            listener.batchDone(epoch, b + 1, batches, loss);
        }
        return tally;
    }
}
