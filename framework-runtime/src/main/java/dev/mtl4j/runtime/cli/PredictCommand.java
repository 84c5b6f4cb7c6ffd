package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.io.AtomicFiles;
import dev.mtl4j.runtime.model.TrainedModel;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mtl predict MODEL DATA [--out FILE]}. */
@Command(name = "predict", description = "Predict every task for every row of a data file; CSV to stdout or --out.")
final class PredictCommand implements Callable<Integer>, InputCommand {
    @ParentCommand
    MtlCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.zip written by mtl train.")
    Path model;

    @Parameters(index = "1", paramLabel = "DATA", description = "A data file with the model's feature columns.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (atomically) instead of stdout.")
    Path out;

    @Override
    public Path input() {
        return data;
    }

    @Override
    public Integer call() throws IOException {
        MtlRuntime runtime = parent.runtime();
        TrainedModel trained = runtime.load(model);
        // a text model may embed the file's texts first (a language model): show how far it is
        trained.preprocessor().features().reportTo(new ProgressReporter(Console.system()));
        Predictions predictions = runtime.predict(trained, data);
        if (out == null) {
            Writer writer = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            predictions.writeCsv(writer);
            return 0;
        }
        AtomicFiles.write(out, "predictions", stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            predictions.writeCsv(writer);
        });
        return 0;
    }
}
