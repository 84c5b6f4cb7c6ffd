package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.model.TrainedModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mtl eval MODEL DATA}. */
@Command(name = "eval", description = "Evaluate a model on every row of a data file that has the label columns.")
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    MtlCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.zip written by mtl train.")
    Path model;

    @Parameters(index = "1", paramLabel = "DATA", description = "A data file in the model's training format.")
    Path data;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the metrics as JSON.")
    Path json;

    @Override
    public Integer call() {
        MtlRuntime runtime = parent.runtime();
        TrainedModel trained = runtime.load(model);
        trained.preprocessor().features().reportTo(new ProgressReporter(Console.system()));
        Map<String, Map<String, Double>> metrics = runtime.evaluate(trained, data);
        Console.system().line(MetricsTable.render(Map.of(data.getFileName().toString(), metrics)));
        if (json != null) {
            MetricsJson.write(metrics, json);
        }
        return 0;
    }
}
