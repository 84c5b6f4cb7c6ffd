package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.io.OutputFolder;
import dev.mtl4j.runtime.model.CheckpointFile;
import dev.mtl4j.runtime.train.Checkpointing;
import dev.mtl4j.runtime.io.Publication;
import dev.mtl4j.runtime.config.PipelineOverride;
import dev.mtl4j.runtime.report.HtmlReport;
import dev.mtl4j.runtime.report.ReportInputs;
import dev.mtl4j.runtime.report.RunFiles;
import dev.mtl4j.runtime.report.RunFolder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import dev.mtl4j.runtime.compare.BaselineStudy;
import dev.mtl4j.runtime.compare.Baselines;
import dev.mtl4j.runtime.report.ComparisonJson;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mtl train PIPELINE.yaml [--out DIR] [--resume] [--set KEY=VALUE]... [--seed N] [--no-report] [--baselines [--seeds N]]}. */
@Command(name = "train", description = "Train a pipeline; writes DIR/model.zip, DIR/metrics.json, the per-epoch history (DIR/history.json, "
        + "DIR/history.csv) and DIR/report.html.")
final class TrainCommand implements Callable<Integer>, InputCommand {
    @ParentCommand
    MtlCommand parent;

    @Parameters(paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    Path pipeline;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<pipeline name>).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key of the pipeline file, value "
            + "written as in YAML (training.epochs=5, tasks.A.weight=0.2, encoder.hidden=[64,32]); repeatable; "
            + "checked like the file, problems placed at the argument.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "The training seed (as --set training.seed=N).")
    Long seed;

    @Option(names = "--resume", description = "Go on from the checkpoint in the output folder (training.checkpoint "
            + "writes one) to the result the interrupted run would have had.")
    boolean resume;
    @Option(names = "--baseline", description = "For a pipeline with a strategy: also train what it is compared with"
            + " (domain adaptation: the source rows alone; meta-learning: the pretrained network and the network from"
            + " scratch, adapted the same way), and compare.")
    boolean baseline;

    @Option(names = "--no-report", description = "Do not write DIR/report.html (mtl report DIR writes it later).")
    boolean noReport;

    @Option(names = "--baselines", description = "Also train each task alone (the same encoder, data, epochs and seeds) and "
            + "compare, per task: multi-task vs alone, Δm and a verdict (helped / hurt / no clear difference); DIR/baselines.json.")
    boolean baselines;

    @Option(names = "--reference", description = "Also train a gradient-boosting and a linear model (XGBoost) per task on "
            + "the same training rows and encoded features, and show them beside the network on the test rows; DIR/reference.json.")
    boolean reference;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "With --baselines: train each model with "
            + "N seeds, the pipeline's and the next N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Spec
    CommandSpec command;

    @Override
    public Path input() {
        return pipeline;
    }

    @Override
    public Path pipeline() {
        return pipeline;
    }

    /** The overrides once read (an error report asks for them after a failure); null before. */
    private List<PipelineOverride> overrides;

    @Override
    public List<PipelineOverride> overrides() {
        return overrides == null ? List.of() : overrides;
    }

    private List<PipelineOverride> readOverrides() {
        List<PipelineOverride> read = new ArrayList<>();
        for (String set : sets) {
            read.add(PipelineOverride.parse(set, pipeline.toString()));
        }
        if (seed != null) {
            read.add(new PipelineOverride("training.seed", seed.toString()));
        }
        return List.copyOf(read);
    }

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "--seeds must be at least 1, got " + seeds);
        }
        MtlRuntime runtime = parent.runtime();
        overrides = readOverrides();
        PipelineSpec spec = runtime.loadPipeline(pipeline, overrides);
        Path directory = out != null ? out : Path.of("runs", spec.name());
        // Taken before any data is read: an unwritable or busy folder costs nothing.
        try (OutputFolder folder = OutputFolder.take(directory)) {
            Path checkpoint = folder.file(OutputFolder.CHECKPOINT);
            RunStart.check(checkpoint, resume);
            Path base = pipeline.toAbsolutePath().getParent();
            Console console = Console.system();
            ProgressReporter progress = new ProgressReporter(console, spec.training().epochs());
            if (spec.strategy() != null) {
                return new StrategyTraining(runtime, console, progress).run(spec, pipeline, folder, baseline);
            }
            if (baseline) {
                throw new MtlException(dev.mtl4j.api.ErrorCategory.CONFIG_INVALID, "--baseline compares a strategy with its"
                        + " baseline; pipeline '" + spec.name() + "' names no strategy");
            }
            PreparedPipeline prepared = runtime.prepare(spec, base, progress);
            console.line(String.format(java.util.Locale.ROOT, "training '%s': %d tasks, %d input features, rows %d train / %d validation / %d test",
                    spec.name(), spec.tasks().size(), prepared.preprocessor().featureWidth(), prepared.train().size(),
                    prepared.validation() == null ? 0 : prepared.validation().size(), prepared.test() == null ? 0 : prepared.test().size()));
            TrainingLog.describe(prepared, console);
            if (resume) {
                console.line("resuming from " + checkpoint + " (" + CheckpointFile.progress(checkpoint).orElse("?") + ")");
            }
            Checkpointing checkpoints = spec.training().checkpoint() == null && !resume ? Checkpointing.NONE
                    : CheckpointFile.of(checkpoint, spec, prepared.dataFiles(), resume);
            TrainingResult result = runtime.train(prepared, progress, checkpoints);
            References references = reference ? References.of(prepared, result) : null;
            BaselineStudy study = !baselines ? null : new Baselines(runtime).run(spec, base, prepared, result,
                    BaselineSeeds.from(spec.training().seed(), seeds), new BaselineProgress(console, spec.training().epochs()));
            RunFiles files = new RunFiles();
            ObjectNode history = files.history(result);
            try (Publication results = folder.publish()) {
                runtime.save(result.model(), results.file("model.zip"), files.text(history));
                MetricsJson.write(result.byTask(), results.file("metrics.json"));
                ReportInputs report = files.write(runtime, prepared, result, history, results::file, directory.toString());
                if (study != null) {
                    ObjectNode node = ComparisonJson.of(files.json(), List.of("multi-task", "alone"), "multi-task learning",
                            study.split(), study.seeds(), study.tasks(), study.deltaM(), study.deltaMFirst());
                    files.write(node, RunFolder.BASELINES, results::file);
                    report = report.withBaselines(node);
                }
                if (references != null) {
                    MetricsJson.write(references.all(), results.file(References.FILE));
                }
                if (!noReport) {
                    new HtmlReport().write(report, results.file(RunFolder.REPORT));
                }
                results.commit();
            }
            console.result(MetricsTable.render("split", result.metrics()));
            if (study != null) {
                console.result(String.format(java.util.Locale.ROOT, "%nmulti-task vs each task alone, %s rows, seeds %s (means; "
                        + "difference multi-task - alone with its 95%% interval, docs/baselines.md):", study.split(), study.seeds()));
                console.result(ComparisonTable.render(study.tasks(), "multi-task", "alone", "multi-task learning"));
                console.result(String.format(java.util.Locale.ROOT, "Δm = %+.2f %% over every metric (LibMTL), %+.2f %% over each "
                        + "task's first metric", 100 * study.deltaM(), 100 * study.deltaMFirst()));
            }
            if (references != null) {
                console.result(references.render());
            }
            console.line("model:   " + directory.resolve("model.zip"));
            console.line("metrics: " + directory.resolve("metrics.json") + " (per epoch: history.json, history.csv)");
            if (!noReport) {
                console.line("report:  " + directory.resolve(RunFolder.REPORT));
            }
        }
        return 0;
    }
}
