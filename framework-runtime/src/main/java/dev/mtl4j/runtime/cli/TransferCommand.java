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
import picocli.CommandLine.Command;
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

    @Option(names = "--baseline", description = "Also train the new tasks from scratch with the same budget, and compare.")
    boolean baseline;

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
        MtlRuntime runtime = parent.runtime();
        TransferPipelineSpec spec = withSource(new PipelineYamlReader(runtime.registry()).readTransfer(pipeline));
        Path directory = out != null ? out : Path.of("runs", spec.name());
        try (OutputFolder folder = OutputFolder.take(directory)) {
            // A transfer's results replace a folder's checkpoint too: never that of an unfinished training run.
            RunStart.check(folder.file(OutputFolder.CHECKPOINT), false);
            Console console = Console.system();
            console.line("transfer '" + spec.name() + "' from " + spec.transfer().from() + " by "
                    + spec.transfer().strategy().type() + (baseline ? ", with a baseline" : ""));
            TransferResult result;
            try {
                result = runtime.transfer(spec, pipeline.toAbsolutePath().getParent(),
                        new ProgressReporter(console, spec.training().epochs()), baseline);
            } catch (dev.mtl4j.api.MtlException e) {
                // A problem named by its key (a target file lacking a feature column) points at its line of the file.
                throw PipelineLocator.of(pipeline).place(e);
            }
            try (Publication results = folder.publish()) {
                runtime.save(result.transferred().model(), results.file("model.zip"));
                MetricsJson.write(result.transferred().byTask(), results.file("metrics.json"));
                if (result.baseline() != null) {
                    MetricsJson.write(result.baseline().byTask(), results.file("baseline-metrics.json"));
                }
                results.commit();
            }
            console.result(MetricsTable.render("split", result.transferred().metrics()));
            if (result.baseline() != null) {
                console.result(BaselineComparison.render(result));
            }
            console.line("model:   " + directory.resolve("model.zip"));
            console.line("metrics: " + directory.resolve("metrics.json"));
        }
        return 0;
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
