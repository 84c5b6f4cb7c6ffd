package dev.mtl4j.runtime.tune;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.config.PipelineOverride;
import dev.mtl4j.runtime.config.SearchSpec;
import dev.mtl4j.runtime.train.Checkpointing;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a search: the trials of each rung (in parallel when asked), each trained on the training
 * rows and scored on the validation rows only — the test rows are never read for a decision.
 * Finished trials come from the journal instead of training again.
 */
public final class Tuner {
    /** Hears each trial as it starts and ends (the command line prints them). */
    public interface Listener {
        void started(int id, int rung, int epochs, Map<String, String> values);

        void finished(Trial trial, boolean fromJournal);
    }

    /** What a search found: every trial, and the best of the last rung. */
    public record Result(List<Trial> trials, Trial best) {
    }

    private final MtlRuntime runtime;
    private final Path pipeline;
    private final List<PipelineOverride> overrides;
    private final SearchSpec search;
    private final TrialPlan plan;
    private final Objective objective;
    private final TrialJournal journal;
    private final Listener listener;

    public Tuner(MtlRuntime runtime, Path pipeline, List<PipelineOverride> overrides, SearchSpec search, TrialPlan plan,
                 Objective objective, TrialJournal journal, Listener listener) {
        this.runtime = runtime;
        this.pipeline = pipeline;
        this.overrides = List.copyOf(overrides);
        this.search = search;
        this.plan = plan;
        this.objective = objective;
        this.journal = journal;
        this.listener = listener;
    }

    /** The overrides that make trial values into a pipeline: the user's, the values, and a rung's epochs. */
    public List<PipelineOverride> overrides(Map<String, String> values, Integer epochs) {
        List<PipelineOverride> all = new ArrayList<>(overrides);
        values.forEach((key, value) -> all.add(new PipelineOverride(key, value)));
        if (epochs != null) {
            all.add(new PipelineOverride("training.epochs", epochs.toString()));
        }
        return all;
    }

    public Result run(int parallel) {
        List<Trial> all = new ArrayList<>();
        List<Integer> ids = plan.first();
        List<Trial> rung = List.of();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            for (int r = 0; r < plan.rungs(); r++) {
                rung = runRung(pool, ids, r);
                all.addAll(rung);
                ids = plan.promoted(rung, objective.higherIsBetter());
            }
        } finally {
            pool.shutdownNow();
        }
        Trial best = TrialPlan.ranked(rung, objective.higherIsBetter()).get(0);
        if (Double.isNaN(best.objective())) {
            throw new MtlException(ErrorCategory.NUMERIC_DIVERGENCE, "every trial of the search's last rung failed; "
                    + "see trials.jsonl for why (narrow the search space, e.g. lower learning rates)");
        }
        return new Result(all, best);
    }

    private List<Trial> runRung(ExecutorService pool, List<Integer> ids, int rung) {
        int epochs = plan.epochs(rung);
        List<Future<Trial>> futures = new ArrayList<>();
        for (int id : ids) {
            Map<String, String> values = plan.values(id);
            Trial done = journal.finished(id, rung);
            if (done != null) {
                if (!done.values().equals(values) || done.epochs() != epochs) {
                    throw new MtlException(ErrorCategory.CONFIG_INVALID, journal.file() + ": trial " + id + " was run with other values "
                            + done.values() + " (this search draws " + values + "): the file is another search's; "
                            + "use another --out or remove it");
                }
                listener.finished(done, true);
                futures.add(java.util.concurrent.CompletableFuture.completedFuture(done));
                continue;
            }
            futures.add(pool.submit(() -> train(id, rung, epochs, values)));
        }
        List<Trial> trials = new ArrayList<>();
        for (Future<Trial> future : futures) {
            try {
                trials.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MtlException(ErrorCategory.IO_FAILED, "interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtimeException) {
                    throw runtimeException;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return trials;
    }

    private Trial train(int id, int rung, int epochs, Map<String, String> values) {
        listener.started(id, rung, epochs, values);
        long start = System.nanoTime();
        PipelineSpec spec = runtime.loadPipeline(pipeline, overrides(values,
                search.method() == SearchSpec.Method.HALVING ? epochs : null));
        Trial trial;
        try {
            PreparedPipeline prepared = runtime.prepare(spec, pipeline.toAbsolutePath().getParent());
            TrainingResult result = runtime.train(prepared, TrainingListener.SILENT, Checkpointing.NONE);
            Map<String, Map<String, Double>> validation = result.metrics().get("validation");
            trial = new Trial(id, rung, spec.training().epochs(), values, objective.value(validation), validation,
                    seconds(start), null);
        } catch (MtlException e) {
            if (e.category() != ErrorCategory.NUMERIC_DIVERGENCE) {
                throw e;
            }
            trial = new Trial(id, rung, spec.training().epochs(), values, Double.NaN, Map.of(), seconds(start),
                    e.getMessage());
        }
        journal.append(trial);
        listener.finished(trial, false);
        return trial;
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }
}
