package dev.mtl4j.runtime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.config.PipelineOverride;
import dev.mtl4j.runtime.config.SearchReader;
import dev.mtl4j.runtime.config.SearchSpec;
import dev.mtl4j.runtime.io.AtomicFiles;
import dev.mtl4j.runtime.io.OutputFolder;
import dev.mtl4j.runtime.io.Publication;
import dev.mtl4j.runtime.report.TuningPage;
import dev.mtl4j.runtime.tune.BestRuns;
import dev.mtl4j.runtime.tune.BestSpec;
import dev.mtl4j.runtime.tune.Objective;
import dev.mtl4j.runtime.tune.TrialJournal;
import dev.mtl4j.runtime.tune.TrialPlan;
import dev.mtl4j.runtime.tune.Tuner;
import dev.mtl4j.runtime.tune.TuningFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mtl tune PIPELINE.yaml [--trials N] [--parallel P] [--out DIR] [--seeds N] [--reference] [--set KEY=VALUE]... [--seed N]}. */
@Command(name = "tune", description = "Search the pipeline's search: section: each trial trains on the training rows and is "
        + "scored on the validation rows; DIR/trials.jsonl (a re-run skips finished trials), DIR/tuning.csv, tuning.json, "
        + "tuning.html, best.yaml, and the best pipeline trained: DIR/model.zip, metrics.json.")
final class TuneCommand implements Callable<Integer>, InputCommand {
    @ParentCommand
    MtlCommand parent;

    @Parameters(paramLabel = "PIPELINE.yaml", description = "A pipeline file with a search: section (docs/tuning.md).")
    Path pipeline;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "20", description = "Configurations to draw "
            + "(default: ${DEFAULT-VALUE}); successive halving trains them in rungs.")
    int trials;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1", description = "Trials trained at once "
            + "(default: ${DEFAULT-VALUE}; at most the cores you can spare).")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<pipeline name>-tune).")
    Path out;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "Train the best pipeline with N seeds, "
            + "the pipeline's and the next N-1, and report the test rows' means (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--reference", description = "Also train a gradient-boosting and a linear model (XGBoost) on the same "
            + "split with the same seeds and show them beside the tuned network on the test rows.")
    boolean reference;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key of the pipeline file (as mtl train).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "The training seed (as --set training.seed=N).")
    Long seed;

    @Spec
    CommandSpec command;

    private List<PipelineOverride> overrides;

    @Override
    public Path input() {
        return pipeline;
    }

    @Override
    public Path pipeline() {
        return pipeline;
    }

    @Override
    public List<PipelineOverride> overrides() {
        return overrides == null ? List.of() : overrides;
    }

    @Override
    public Integer call() {
        if (trials < 1 || parallel < 1 || seeds < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "--trials, --parallel and --seeds must be at least 1");
        }
        MtlRuntime runtime = parent.runtime();
        List<PipelineOverride> read = new ArrayList<>();
        sets.forEach(set -> read.add(PipelineOverride.parse(set, pipeline.toString())));
        if (seed != null) {
            read.add(new PipelineOverride("training.seed", seed.toString()));
        }
        overrides = List.copyOf(read);
        PipelineSpec spec = runtime.loadPipeline(pipeline, overrides);
        SearchSpec search = new SearchReader().read(pipeline, overrides, spec.training().seed()).orElseThrow(() ->
                new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("search", "pipeline '" + spec.name()
                        + "' has no search: section; add one with the keys to vary (mtl describe search, docs/tuning.md)")));
        TuneChecks.requireValidationRows(spec);
        Objective objective = Objective.of(search.objective(), spec);
        TuneChecks.dryRead(runtime, pipeline, overrides, search);
        Path directory = out != null ? out : Path.of("runs", spec.name() + "-tune");
        Console console = Console.system();
        try (OutputFolder folder = OutputFolder.take(directory)) {
            TrialJournal journal = new TrialJournal(folder.file(TrialJournal.FILE));
            TrialPlan plan = new TrialPlan(search, trials, spec.training().epochs());
            console.line(String.format(Locale.ROOT, "tuning '%s': %s search, %d configurations in %d rung(s), %d at a time; "
                    + "objective on the validation rows: %s", spec.name(), search.method().name().toLowerCase(Locale.ROOT), trials,
                    plan.rungs(), parallel, objective.describe()));
            Tuner tuner = new Tuner(runtime, pipeline, overrides, search, plan, objective, journal, new TuneProgress(console));
            Tuner.Result result = tuner.run(parallel);
            PipelineSpec best = runtime.loadPipeline(pipeline, tuner.overrides(result.best().values(), null));
            Path base = pipeline.toAbsolutePath().getParent();
            BestRuns runs = BestRuns.train(runtime, best, base, BaselineSeeds.from(best.training().seed(), seeds), reference,
                    i -> console.line("training the best pipeline (trial " + result.best().id() + ") with seed "
                            + (best.training().seed() + i) + " on the training rows" + (reference ? ", and the reference models" : "")));
            TuningFiles files = new TuningFiles();
            ObjectNode tuning = files.json(spec.name(), search, objective, trials, result.trials(), result.best(), runs);
            try (Publication results = folder.publish()) {
                write(results.file("tuning.csv"), files.csv(search, result.trials()));
                write(results.file("tuning.json"), files.text(tuning));
                write(results.file("tuning.html"), new TuningPage().render(tuning));
                write(results.file("best.yaml"), BestSpec.yaml(best, base, directory));
                runtime.save(runs.first().model(), results.file("model.zip"));
                MetricsJson.write(runs.first().byTask(), results.file("metrics.json"));
                results.commit();
            }
            console.result(TuningTable.render(search, objective, result));
            console.result(String.format(Locale.ROOT, "%nthe best pipeline on the test rows, seeds %s (means)%s:", runs.seeds(),
                    reference ? "; gbm: " + dev.mtl4j.runtime.reference.ReferenceModel.GBM.description() + "; linear: "
                            + dev.mtl4j.runtime.reference.ReferenceModel.LINEAR.description() : ""));
            console.result(ReferenceTable.render(runs.means()));
            console.line("best:    " + directory.resolve("best.yaml") + " (mtl train it for the full report)");
            console.line("trials:  " + directory.resolve("tuning.csv") + ", chart " + directory.resolve("tuning.html"));
            console.line("model:   " + directory.resolve("model.zip"));
        }
        return 0;
    }

    private static void write(Path file, String text) {
        AtomicFiles.write(file, file.getFileName().toString(), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
