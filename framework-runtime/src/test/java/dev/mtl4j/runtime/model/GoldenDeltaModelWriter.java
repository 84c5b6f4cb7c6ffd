package dev.mtl4j.runtime.model;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.text.FirstRows;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the golden model file of format 3 (the pretrained weights left out, only what changed
 * stored) and its predictions on the first 50 mails of {@code spam_assassin_sample.csv}, for
 * {@link GoldenModelTest}. It was run once; a later format gets its own file, this one is never
 * rewritten. From the repository root:
 *
 * <pre>
 * java -cp "framework-runtime/target/test-classes:framework-runtime/target/classes:$(cat cp.txt)" \
 *     dev.mtl4j.runtime.model.GoldenDeltaModelWriter framework-runtime/src/test/resources/golden
 * </pre>
 */
public final class GoldenDeltaModelWriter {
    static final String NAME = "spam-subjects-format3";
    static final int ROWS = 50;

    private GoldenDeltaModelWriter() {
    }

    /**
     * LoRA (rank 2 on query and value) on the upper of MiniLM's two lowest layers, a dense layer of 8,
     * two binary tasks; 160 mails, 2 epochs, seed 5.
     */
    static PipelineSpec pipeline() {
        return Mtl.pipeline("golden-spam-subjects")
                .data(Data.csv("examples/data/spam_assassin_sample.csv").text("subject").split(0.2, 7).limit(160))
                .encoder(Component.of("transformer").param("tuning", "lora").param("depth", 2).param("tunedLayers", 1)
                        .param("maxLength", 16).param("loraRank", 2).param("loraAlpha", 4.0).param("hidden", List.of(8)))
                .task("is_spam", Heads.binary()).weight(0.7)
                .task("hard_ham", Heads.binary()).weight(0.3)
                .training(t -> t.epochs(2).batchSize(16).adam(1e-2).seed(5))
                .build();
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        MtlRuntime runtime = MtlRuntime.create();
        TrainingResult result = runtime.train(pipeline(), Path.of("").toAbsolutePath(), TrainingListener.SILENT);
        Path model = folder.resolve(NAME + ".zip");
        runtime.save(result.model(), model);
        Path mails = FirstRows.write("examples/data/spam_assassin_sample.csv", Files.createTempFile("mails", ".csv"), ROWS);
        Predictions predictions = runtime.predict(runtime.load(model), mails);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", predictions.columns()));
        for (int r = 0; r < predictions.size(); r++) {
            lines.add(String.join(",", predictions.row(r)));
        }
        Files.writeString(folder.resolve(NAME + "-predictions.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.delete(mails);
        System.out.println("wrote " + model + " and its predictions");
    }
}
