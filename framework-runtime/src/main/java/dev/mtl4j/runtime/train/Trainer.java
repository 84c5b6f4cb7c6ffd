package dev.mtl4j.runtime.train;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.eval.Evaluator;
import dev.mtl4j.runtime.eval.RowSample;
import dev.mtl4j.runtime.memory.NativeMemoryGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The training loop: epochs of shuffled mini-batches, per-task metrics after each epoch, early
 * stopping that keeps the best epoch's parameters ({@link EarlyStopping}), a stop with
 * NUMERIC_DIVERGENCE when a loss explodes ({@link DivergenceGuard}), and a checkpoint every few
 * epochs, from which a killed run goes on to the same result, to the last digit, as a run never
 * stopped ({@link TrainingCheckpoint}).
 */
public final class Trainer {
    /** Training rows measured after each epoch for train-vs-validation curves: enough for a curve, cheap to score. */
    public static final int TRAIN_SAMPLE_ROWS = 1000;
    private final TrainingListener listener;
    private final StepKind steps;
    private final Checkpointing checkpoints;
    private final EpochProbe probe;
    private final Weighting weighting;

    public Trainer(TrainingListener listener) {
        this(listener, StepKind.AUTO);
    }

    public Trainer(TrainingListener listener, StepKind steps) {
        this(listener, steps, Checkpointing.NONE);
    }

    public Trainer(TrainingListener listener, StepKind steps, Checkpointing checkpoints) {
        this(listener, steps, checkpoints, null, Weighting.TASK_WEIGHTS);
    }

    private Trainer(TrainingListener listener, StepKind steps, Checkpointing checkpoints, EpochProbe probe,
                    Weighting weighting) {
        this.listener = listener;
        this.steps = steps;
        this.checkpoints = checkpoints;
        this.probe = probe;
        this.weighting = weighting;
    }

    /** This trainer, adding what {@code probe} measures to every epoch's metrics. */
    public Trainer probing(EpochProbe value) {
        return new Trainer(listener, steps, checkpoints, value, weighting);
    }

    /**
     * This trainer with a task-weighting method for its next {@code fit} (a method serves one training
     * run); without one, each step applies the tasks' own weights.
     *
     * @param type the method's type name, for progress lines and errors
     * @param state the method's state saved by an earlier training to continue from, or null (a
     *     checkpoint's state, when the run resumes from one, takes its place)
     */
    public Trainer weighting(String type, TaskWeighting method, Map<String, Object> state) {
        return new Trainer(listener, steps, checkpoints, probe, new Weighting(type, method, state));
    }

    /**
     * @param validation validation rows, or null: epochs then report their training loss only, and
     *     early stopping is refused
     */
    public TrainingHistory fit(ComputationGraph graph, TrainingSpec spec, List<TaskSpec> tasks, Preprocessor preprocessor,
                               EncodedData train, EncodedData validation) {
        return fit(graph, spec, tasks, preprocessor, BatchPlan.epochs(train, spec.batchSize(), spec.seed(), spec.shuffle()),
                train, validation, taskWeights(tasks, 1), names(tasks));
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
                spec.shuffle()), train.rows(), validation, taskWeights(tasks, 1), names(tasks));
    }

    /**
     * Trains on labelled source rows and unlabelled target-domain rows together (domain adaptation):
     * each batch holds up to {@code batchSize} source rows and as many target rows, and the network's
     * last output, after the tasks', is a training device that reads each row's domain (see
     * {@link DomainBatches}); its loss joins the joint loss at weight 1 and is reported as {@value #DEVICE}.
     * An epoch is one pass over the source rows.
     *
     * <p>A task's loss is DL4J's mean over every row of the batch, half of them target rows without its
     * labels; its λ is doubled, so that the task's loss and gradient are those of the source rows alone.
     *
     * @param validation validation rows with the device's label array after the tasks', or null
     */
    public TrainingHistory fitWithTarget(ComputationGraph graph, TrainingSpec spec, List<TaskSpec> tasks,
                                         Preprocessor preprocessor, EncodedData source, EncodedData target,
                                         EncodedData validation) {
        DomainBatches batches = new DomainBatches(source, target, spec.batchSize(), spec.seed(), spec.shuffle());
        double[] lambda = java.util.Arrays.copyOf(taskWeights(tasks, 2), tasks.size() + 1);
        lambda[tasks.size()] = 1;
        List<String> names = new ArrayList<>(names(tasks));
        names.add(DEVICE);
        return fit(graph, spec, tasks, preprocessor, batches, source, validation, lambda, names);
    }

    /** The name a training device's loss is reported under. */
    public static final String DEVICE = "device";

    private static double[] taskWeights(List<TaskSpec> tasks, double factor) {
        return tasks.stream().mapToDouble(t -> t.weight() * factor).toArray();
    }

    private static List<String> names(List<TaskSpec> tasks) {
        return tasks.stream().map(TaskSpec::name).toList();
    }

    /**
     * @param lambda each output's λ, in output order
     * @param outputNames each output's name, for the per-output losses reported
     */
    private TrainingHistory fit(ComputationGraph graph, TrainingSpec spec, List<TaskSpec> tasks, Preprocessor preprocessor,
                                EpochSource epochs, EncodedData trainRows, EncodedData validation, double[] lambda,
                                List<String> outputNames) {
        if (spec.earlyStopping() != null && validation == null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.earlyStopping",
                    "needs validation rows; set data.split.validation (e.g. 0.1)"));
        }
        List<String> taskNames = outputNames;
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
        TrainingStep step = steps.create(graph);
        EncodedData trainSample = RowSample.spread(trainRows, TRAIN_SAMPLE_ROWS);
        // a training device beside the tasks (domain adaptation) keeps the fixed λ it was given
        TaskBalance balance = outputNames.size() == tasks.size()
                ? weighting.start(step, tasks, spec, resumed.map(TrainingCheckpoint::weighting).orElse(null))
                : weighting.startFixed(outputNames, lambda, spec);
        int lastCheckpoint = reports.size();
        for (int epoch = reports.size() + 1; epoch <= spec.epochs(); epoch++) {
            long started = System.nanoTime();
            EpochTally tally = runEpoch(step, balance, taskNames, spec, epochs.next(), epoch, guard, lastCheckpoint);
            guard.epochDone();
            balance.epochDone(epoch, tally.taskLosses().values().stream().mapToDouble(Double::doubleValue).toArray());
            // DL4J's epoch counter drives per-epoch learning-rate schedules (a transfer's unfreezing).
            graph.incrementEpochCount();
            double seconds = (System.nanoTime() - started) / 1e9;
            // Per-task metrics each epoch come from the validation rows; without them an epoch costs
            // its training steps alone (the final metrics on every split are measured after training).
            Map<String, Map<String, Double>> metrics = validation == null ? Map.of()
                    : Evaluator.evaluate(graph, validation, tasks, preprocessor);
            if (probe != null) {
                metrics = new java.util.LinkedHashMap<>(metrics);
                metrics.putAll(probe.measure(graph));
            }
            Evaluator.Losses losses = validation == null ? null : Evaluator.losses(graph, validation, tasks);
            double validationLoss = losses == null ? Double.NaN : losses.joint();
            EpochReport report = new EpochReport(epoch, tally.meanLoss(), validationLoss, metrics, seconds, tally.taskLosses(),
                    tally.weights(), losses == null ? Map.of() : losses.tasks(),
                    Evaluator.evaluate(graph, trainSample, tasks, preprocessor), weighting.type());
            reports.add(report);
            listener.epochDone(report);
            if (stopping.stopAfter(report, graph, listener)) {
                break;
            }
            if (checkpoints.every() > 0 && epoch % checkpoints.every() == 0 && epoch < spec.epochs()) {
                checkpoints.save(NetworkState.capture(graph, epoch, guard, stopping, reports, balance.state()));
                lastCheckpoint = epoch;
            }
        }
        // the heads' own loss objects back in the network (a failed run is not saved, so no finally)
        step.close();
        stopping.keepBest(graph, reports.size());
        return new TrainingHistory(reports, stopping.bestEpoch(), reports.size() < spec.epochs(), balance.state());
    }

    private EpochTally runEpoch(TrainingStep step, TaskBalance balance, List<String> taskNames, TrainingSpec spec, Batches plan,
                                int epoch, DivergenceGuard guard, int lastCheckpoint) {
        EpochTally tally = new EpochTally(taskNames);
        int batches = plan.batches();
        NativeMemoryGuard memory = NativeMemoryGuard.start();
        for (int b = 0; b < batches; b++) {
            memory.check();
            MultiDataSet batch = plan.batch(b);
            listener.batchReady(epoch, b + 1, batch);
            StepResult result = balance.step(step, batch);
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
