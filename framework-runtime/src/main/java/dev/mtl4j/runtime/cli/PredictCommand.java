package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mtl predict MODEL DATA [--out FILE]}. */
@Command(name = "predict", description = "Predict every task for every row of a data file; CSV to stdout or --out.")
final class PredictCommand implements Callable<Integer> {
    @ParentCommand
    MtlCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.zip written by mtl train.")
    Path model;

    @Parameters(index = "1", paramLabel = "DATA", description = "A data file with the model's feature columns.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (atomically) instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        MtlRuntime runtime = parent.runtime();
        Predictions predictions = runtime.predict(runtime.load(model), data);
        if (out == null) {
            Writer writer = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            predictions.writeCsv(writer);
            return 0;
        }
        Path absolute = out.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            predictions.writeCsv(writer);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new MtlException(ErrorCategory.IO_FAILED, out + ": cannot write predictions: " + e.getMessage(), e);
        }
        Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return 0;
    }
}
