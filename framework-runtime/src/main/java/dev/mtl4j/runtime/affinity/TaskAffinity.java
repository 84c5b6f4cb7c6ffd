package dev.mtl4j.runtime.affinity;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.AffinitySamples;
import dev.mtl4j.runtime.train.Checkpointing;
import dev.mtl4j.runtime.train.TaskAffinityProbe;
import dev.mtl4j.runtime.train.TrainingListener;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Trains a pipeline as {@code mtl train} does while measuring which tasks help which
 * ({@link TaskAffinityProbe}), then searches task groups ({@link TaskGrouping}) over the affinities
 * that are clear of noise: a mean within {@value #CLEAR_ERRORS} standard errors of 0 counts as no
 * effect, so that a task is not grouped with another over a difference the measurements cannot tell.
 */
public final class TaskAffinity {
    /** How many standard errors from 0 a mean affinity must be to count in the grouping search. */
    public static final double CLEAR_ERRORS = 2;
    private final MtlRuntime runtime;

    public TaskAffinity(MtlRuntime runtime) {
        this.runtime = runtime;
    }

    /** A training and what was measured during it. */
    public record Result(TrainingResult training, AffinityStudy study) {
    }

    /**
     * A tenth of the pipeline's learning rate. The lookahead is a plain gradient step, and a network
     * trained with Adam takes steps Adam sizes: at Adam's own rate a task with large gradients
     * overshoots (digits' ink raised its own loss tenfold at 1e-3, fell at 1e-4). A step small enough to
     * stay where the loss is nearly linear changes every affinity by the same factor, so the ranking and
     * the grouping do not depend on it.
     */
    public static double defaultRate(PipelineSpec spec) {
        return spec.training().optimizer().learningRate() / 10;
    }

    /** Refuses, before any data is read, a pipeline whose task affinity cannot be measured. */
    public static void check(PipelineSpec spec) {
        if (spec.tasks().size() < 2) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("tasks",
                    "task affinity needs at least two tasks, the pipeline has " + spec.tasks().size()));
        }
        if (spec.strategy() != null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("strategy", "task affinity is measured on "
                    + "plain multi-task training; a " + spec.strategy().type() + " strategy trains otherwise (remove it to measure)"));
        }
    }

    /**
     * @param every measure before every {@code every}-th step
     * @param lookaheadRate η of the lookahead step, or NaN for {@link #defaultRate}
     */
    public Result run(PreparedPipeline prepared, TrainingListener progress, int every, double lookaheadRate) {
        check(prepared.spec());
        List<String> tasks = prepared.spec().tasks().stream().map(TaskSpec::name).toList();
        double rate = Double.isNaN(lookaheadRate) ? defaultRate(prepared.spec()) : lookaheadRate;
        ComputationGraph graph = prepared.network().graph();
        TaskAffinityProbe probe;
        try {
            probe = new TaskAffinityProbe(graph, rate);
        } catch (IllegalArgumentException e) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("sharing", e.getMessage()
                    + " (each task has its own tower; use hard sharing, mmoe or another shared encoder)"));
        }
        TrainingResult training = runtime.train(prepared, new AffinityListener(progress, probe, graph, every), Checkpointing.NONE);
        AffinitySamples samples = probe.samples();
        double[][] clear = samples.clearMeans(CLEAR_ERRORS);
        List<Grouping> groupings = tasks.size() > TaskGrouping.MAX_TASKS ? List.of() : new TaskGrouping(tasks, clear).best();
        return new Result(training, new AffinityStudy(tasks, samples.mean(), samples.standardErrors(), samples.size(), every,
                rate, probe.sharedLayers(), groupings));
    }
}
