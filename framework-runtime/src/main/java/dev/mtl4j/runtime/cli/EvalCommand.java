package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.model.TrainedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mtl eval MODEL DATA...}: one file with every task's labels, or, for a model whose tasks
 * brought their own data sets, each task's own file (each task is measured on the files with its labels).
 */
@Command(name = "eval", description = "Evaluate a model on every row of a data file that has the label columns; "
        + "for tasks with their own data sets, give each task's file.")
final class EvalCommand implements Callable<Integer>, InputCommand {
    @ParentCommand
    MtlCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.zip written by mtl train.")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DATA",
            description = "A data file in the model's training format; several when tasks have their own files.")
    List<Path> data;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the metrics as JSON.")
    Path json;

    @Override
    public Path input() {
        return data == null || data.isEmpty() ? model : data.get(0);
    }

    @Override
    public Integer call() {
        MtlRuntime runtime = parent.runtime();
        TrainedModel trained = runtime.load(model);
        trained.preprocessor().features().reportTo(new ProgressReporter(Console.system()));
        if (data.size() == 1 && !trained.spec().hasTaskData()) {
            Path file = data.get(0);
            Map<String, Map<String, Double>> metrics = runtime.evaluate(trained, file);
            Console.system().result(MetricsTable.render("file", Map.of(file.getFileName().toString(), metrics)));
            if (json != null) {
                MetricsJson.write(metrics, json);
            }
            return 0;
        }
        Map<String, Map<String, Map<String, Double>>> byFile = runtime.evaluate(trained, data);
        Console.system().result(MetricsTable.render("file", byFile));
        if (json != null) {
            MetricsJson.write(byFile, json);
        }
        return 0;
    }
}
