package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.report.HtmlReport;
import dev.mtl4j.runtime.report.RunFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtl report RUN_DIR [--out FILE]}: the run's HTML report, one self-contained file. */
@Command(name = "report", description = "Write the HTML report of a run folder (written by mtl train or mtl transfer): "
        + "loss and metric curves, task weights, confusion matrices, predicted vs true, gates, baselines; one self-contained file.")
final class ReportCommand implements Callable<Integer>, InputCommand {
    @Parameters(paramLabel = "RUN_DIR", description = "A run's output folder (e.g. runs/digits).")
    Path run;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: RUN_DIR/report.html).")
    Path out;

    @Override
    public Path input() {
        return run;
    }

    @Override
    public Integer call() {
        Path target = out != null ? out : run.resolve(RunFolder.REPORT);
        new HtmlReport().write(run, target);
        Console.system().result(target.toString());
        return 0;
    }
}
