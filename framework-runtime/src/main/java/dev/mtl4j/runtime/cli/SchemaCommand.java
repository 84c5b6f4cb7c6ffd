package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.config.PipelineSchema;
import dev.mtl4j.runtime.io.AtomicFiles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code mtl schema > pipeline.schema.json}: the pipeline format as JSON Schema, for editors. */
@Command(name = "schema", description = "Print the JSON Schema of pipeline files, with the loaded plugins' components "
        + "(point a YAML editor at it).")
final class SchemaCommand implements Callable<Integer> {
    @ParentCommand
    MtlCommand parent;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        String schema = new PipelineSchema(parent.runtime().registry()).json();
        if (out == null) {
            PrintStream stdout = System.out;
            stdout.print(schema);
            stdout.flush();
        } else {
            byte[] bytes = schema.getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(out, "schema", stream -> stream.write(bytes));
        }
        return 0;
    }
}
