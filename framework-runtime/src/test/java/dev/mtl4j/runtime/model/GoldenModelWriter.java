package dev.mtl4j.runtime.model;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the golden model file of the current format and its predictions on the first 50 rows of
 * the digits data, for {@link GoldenModelTest}. Run it once, from the repository root, when the
 * model format changes (a new format gets a new file; older golden files are never rewritten):
 *
 * <pre>
 * java -cp "framework-runtime/target/test-classes:framework-runtime/target/classes:$(cat cp.txt)" \
 *     dev.mtl4j.runtime.model.GoldenModelWriter framework-runtime/src/test/resources/golden
 * </pre>
 */
public final class GoldenModelWriter {
    private static final int ROWS = 50;

    private GoldenModelWriter() {
    }

    /** The pipeline of every golden file: small, three task kinds, seed 5. */
    static PipelineSpec pipeline() {
        return Mtl.pipeline("golden-digits")
                .data(Data.csv("examples/data/digits_tasks.csv").numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(16).activation("tanh"))
                .task("digit", Heads.classification(10)).weight(0.6)
                .task("parity", Heads.binary()).weight(0.2)
                .task("ink", Heads.regression().loss("mae")).weight(0.2)
                .training(t -> t.epochs(2).batchSize(32).adam(1e-3).seed(5))
                .build();
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        String name = "digits-format" + ModelFile.FORMAT_VERSION;
        MtlRuntime runtime = MtlRuntime.create();
        TrainingResult result = runtime.train(pipeline(), Path.of("").toAbsolutePath(), TrainingListener.SILENT);
        Path model = folder.resolve(name + ".zip");
        runtime.save(result.model(), model);
        Predictions predictions = runtime.predict(runtime.load(model), Path.of("examples/data/digits_tasks.csv"));
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", predictions.columns()));
        for (int r = 0; r < Math.min(ROWS, predictions.size()); r++) {
            lines.add(String.join(",", predictions.row(r)));
        }
        Files.writeString(folder.resolve(name + "-predictions.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + model + " and its predictions");
    }
}
