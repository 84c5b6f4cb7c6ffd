package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.api.spec.TransferSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.config.PipelineLocator;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.transfer.TransferResult;
import dev.mtl4j.runtime.io.OutputFolder;
import dev.mtl4j.runtime.io.Publication;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.runtime.compare.DeltaM;
import dev.mtl4j.runtime.report.ComparisonJson;
import dev.mtl4j.runtime.report.HtmlReport;
import dev.mtl4j.runtime.report.ReportInputs;
import dev.mtl4j.runtime.report.RunFiles;
import dev.mtl4j.runtime.report.RunFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mtl transfer PIPELINE.yaml [--from MODEL] [--out DIR] [--baseline]}. */
@Command(name = "transfer", description = "Carry a trained model over to new tasks; writes DIR/model.zip and DIR/metrics.json.")
final class TransferCommand implements Callable<Integer>, InputCommand {
    @ParentCommand
    MtlCommand parent;

    @Parameters(paramLabel = "PIPELINE.yaml", description = "A transfer pipeline file (with a transfer: section).")
    Path pipeline;

    @Option(names = "--from", paramLabel = "MODEL", description = "The source model.zip, instead of the pipeline's transfer.from "
            + "(relative to the working directory).")
    Path from;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<pipeline name>).")
    Path out;

    @Option(names = "--baseline", description = "Also train the new tasks from scratch with the same budget, and compare every "
            + "metric with a noise-aware verdict (docs/baselines.md).")
    boolean baseline;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "With --baseline: train both with N seeds, the "
            + "pipeline's and the next N-1, so the verdict covers training noise too (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--no-report", description = "Do not write DIR/report.html.")
    boolean noReport;

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

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "--seeds must be at least 1, got " + seeds);
        }
        MtlRuntime runtime = parent.runtime();
        TransferPipelineSpec spec = withSource(new PipelineYamlReader(runtime.registry()).readTransfer(pipeline));
        Path directory = out != null ? out : Path.of("runs", spec.name());
        try (OutputFolder folder = OutputFolder.take(directory)) {
            // A transfer's results replace a folder's checkpoint too: never that of an unfinished training run.
            RunStart.check(folder.file(OutputFolder.CHECKPOINT), false);
            Console console = Console.system();
            console.line("transfer '" + spec.name() + "' from " + spec.transfer().from() + " by "
                    + spec.transfer().strategy().type() + (baseline ? ", with a baseline" : ""));
            List<Long> seedList = baseline ? BaselineSeeds.from(spec.training().seed(), seeds) : List.of(spec.training().seed());
            List<TransferResult> results = new ArrayList<>();
            for (long seed : seedList) {
                if (seedList.size() > 1) {
                    console.line(String.format(Locale.ROOT, "transfer and from scratch with seed %d (%d of %d)", seed,
                            results.size() + 1, seedList.size()));
                }
                TransferPipelineSpec seeded = new TransferPipelineSpec(spec.name(), spec.transfer(), spec.data(), spec.tasks(),
                        spec.training().withSeed(seed));
                try {
                    results.add(runtime.transfer(seeded, pipeline.toAbsolutePath().getParent(),
                            new ProgressReporter(console, spec.training().epochs()), baseline));
                } catch (dev.mtl4j.api.MtlException e) {
                    // A problem named by its key (a target file lacking a feature column) points at its line of the file.
                    throw PipelineLocator.of(pipeline).place(e);
                }
            }
            TransferResult result = results.get(0);
            TransferComparison comparison = baseline ? TransferComparison.of(results, seedList) : null;
            publish(runtime, folder, directory, result, comparison);
            console.result(MetricsTable.render("split", result.transferred().metrics()));
            if (comparison != null && comparison.tasks() != null) {
                console.result(String.format(Locale.ROOT, "%ntransfer vs from scratch (the same epochs, data and optimizer), %s rows, "
                        + "seeds %s (means; difference transfer - scratch with its 95%% interval, docs/baselines.md):",
                        comparison.split(), seedList));
                console.result(ComparisonTable.render(comparison.tasks(), "transfer", "scratch", "transfer"));
            } else if (comparison != null && !"transfer".equals(result.name())) {
                // a strategy measured on rows of its own (domain adaptation: the target's labelled rows)
                console.result(BaselineComparison.render(result));
            } else if (comparison != null) {
                console.line("transfer vs from scratch: the split has no test or validation rows to compare on");
            }
            console.line("model:   " + directory.resolve("model.zip"));
            console.line("metrics: " + directory.resolve("metrics.json") + (noReport ? "" : "; report: "
                    + directory.resolve(RunFolder.REPORT)));
        }
        return 0;
    }

    private void publish(MtlRuntime runtime, OutputFolder folder, Path directory, TransferResult result,
                         TransferComparison comparison) {
        RunFiles files = new RunFiles();
        ObjectNode history = files.history(result.transferred());
        try (Publication results = folder.publish()) {
            runtime.save(result.transferred().model(), results.file("model.zip"), files.text(history));
            MetricsJson.write(result.transferred().byTask(), results.file("metrics.json"));
            String split = result.test() != null ? "test" : result.validation() != null ? "validation" : null;
            ReportInputs report = files.write(runtime, result.transferred(), history,
                    result.test() != null ? result.test() : result.validation(), split, results::file, directory.toString());
            if (result.baseline() != null) {
                MetricsJson.write(result.baseline().byTask(), results.file("baseline-metrics.json"));
                ObjectNode scratch = files.history(result.baseline());
                files.write(scratch, RunFolder.BASELINE_HISTORY, results::file);
                ObjectNode node = comparison.tasks() == null ? null : ComparisonJson.of(files.json(), List.of("transfer", "scratch"),
                        "transfer", comparison.split(), comparison.seeds(), comparison.tasks(), DeltaM.allMetrics(comparison.tasks()),
                        DeltaM.firstMetric(comparison.tasks()));
                if (node != null) {
                    files.write(node, RunFolder.TRANSFER_COMPARISON, results::file);
                }
                report = report.withTransferBaseline(scratch, node);
            }
            if (!noReport) {
                new HtmlReport().write(report, results.file(RunFolder.REPORT));
            }
            results.commit();
        }
    }

    /** {@code --from} replaces the file's source model; an absolute path, so it is read from the working directory. */
    private TransferPipelineSpec withSource(TransferPipelineSpec spec) {
        if (from == null) {
            return spec;
        }
        TransferSpec transfer = new TransferSpec(from.toAbsolutePath().toString(), spec.transfer().strategy(), spec.transfer().keep());
        return new TransferPipelineSpec(spec.name(), transfer, spec.data(), spec.tasks(), spec.training());
    }
}
