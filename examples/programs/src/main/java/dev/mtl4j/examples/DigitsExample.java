package dev.mtl4j.examples;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import java.nio.file.Path;

/**
 * Trains the article's three-task digits model from Java and saves it. Run from the repository
 * root: {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.DigitsExample [OUT.zip]}.
 */
public final class DigitsExample {
    private DigitsExample() {
    }

    public static void main(String[] args) {
        PipelineSpec spec = DigitsPipeline.spec("../data/digits_tasks.csv");
        MtlRuntime runtime = MtlRuntime.create();
        // Relative data paths resolve against the folder the YAML version lives in, so both read the same file.
        TrainingResult result = runtime.train(spec, Path.of("examples/pipelines").toAbsolutePath(),
                dev.mtl4j.runtime.train.TrainingListener.SILENT);
        result.byTask().forEach((task, splits) -> System.out.println(task + ": " + splits.get("test")));
        Path out = Path.of(args.length > 0 ? args[0] : "runs/digits-dsl/model.zip");
        runtime.save(result.model(), out);
        System.out.println("saved " + out);
    }
}
