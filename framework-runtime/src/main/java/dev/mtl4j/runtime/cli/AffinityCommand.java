package dev.mtl4j.runtime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.affinity.TaskAffinity;
import dev.mtl4j.runtime.io.OutputFolder;
import dev.mtl4j.runtime.io.Publication;
import dev.mtl4j.runtime.report.AffinityJson;
import dev.mtl4j.runtime.report.HtmlReport;
import dev.mtl4j.runtime.report.ReportInputs;
import dev.mtl4j.runtime.report.RunFiles;
import dev.mtl4j.runtime.report.RunFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mtl affinity PIPELINE.yaml [--out DIR] [--every N] [--lookahead-lr η] [--no-report]}. */
@Command(name = "affinity", description = "Train a pipeline while measuring which tasks help which (TAG's lookahead "
        + "affinity, Fifty et al. 2021) and suggest task groups; writes what mtl train writes plus DIR/affinity.json.")
final class AffinityCommand implements Callable<Integer>, InputCommand {
    @ParentCommand
    MtlCommand parent;

    @Parameters(paramLabel = "PIPELINE.yaml", description = "The pipeline file (two or more tasks sharing layers).")
    Path pipeline;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<pipeline name>-affinity).")
    Path out;

    @Option(names = "--every", paramLabel = "N", defaultValue = "5", description = "Measure before every N-th training step "
            + "(default: ${DEFAULT-VALUE}; each measurement costs about two training steps per task).")
    int every;

    @Option(names = "--lookahead-lr", paramLabel = "η", description = "Step size of the lookahead gradient step (default: "
            + "a tenth of the pipeline's learning rate; see docs/affinity.md).")
    Double lookaheadRate;

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
        if (every < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "--every must be at least 1, got " + every);
        }
        if (lookaheadRate != null && !(lookaheadRate > 0 && Double.isFinite(lookaheadRate))) {
            throw new CommandLine.ParameterException(command.commandLine(), "--lookahead-lr must be > 0, got " + lookaheadRate);
        }
        MtlRuntime runtime = parent.runtime();
        PipelineSpec spec = runtime.loadPipeline(pipeline);
        TaskAffinity.check(spec);
        Path directory = out != null ? out : Path.of("runs", spec.name() + "-affinity");
        try (OutputFolder folder = OutputFolder.take(directory)) {
            Console console = Console.system();
            ProgressReporter progress = new ProgressReporter(console, spec.training().epochs());
            PreparedPipeline prepared = runtime.prepare(spec, pipeline.toAbsolutePath().getParent(), progress);
            console.line(String.format(java.util.Locale.ROOT, "training '%s' with task affinity measured every %d steps: %d tasks, "
                    + "rows %d train", spec.name(), every, spec.tasks().size(), prepared.train().size()));
            TaskAffinity.Result result = new TaskAffinity(runtime).run(prepared, progress, every,
                    lookaheadRate == null ? Double.NaN : lookaheadRate);
            RunFiles files = new RunFiles();
            ObjectNode history = files.history(result.training());
            ObjectNode affinity = AffinityJson.of(files.json(), result.study());
            try (Publication results = folder.publish()) {
                runtime.save(result.training().model(), results.file("model.zip"), files.text(history));
                MetricsJson.write(result.training().byTask(), results.file("metrics.json"));
                ReportInputs report = files.write(runtime, prepared, result.training(), history, results::file, directory.toString());
                files.write(affinity, RunFolder.AFFINITY, results::file);
                if (!noReport) {
                    new HtmlReport().write(report.withAffinity(affinity), results.file(RunFolder.REPORT));
                }
                results.commit();
            }
            console.result(MetricsTable.render("split", result.training().metrics()));
            console.result("");
            console.result(AffinityTable.render(result.study()));
            console.line("affinity: " + directory.resolve(RunFolder.AFFINITY));
            if (!noReport) {
                console.line("report:   " + directory.resolve(RunFolder.REPORT));
            }
        }
        return 0;
    }
}
