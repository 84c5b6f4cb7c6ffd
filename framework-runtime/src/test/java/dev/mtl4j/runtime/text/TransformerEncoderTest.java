package dev.mtl4j.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trainable MiniLM transformer in a real pipeline: LoRA on the top layer of its lowest two
 * learns spam from 160 mail subjects (seeds fixed; subjects are short, so it takes seconds on an
 * idle machine) while every pretrained weight stays as it was; the saved model predicts as the
 * trained one; the YAML form reads to the same spec as the DSL.
 */
final class TransformerEncoderTest {
    private static MtlRuntime runtime;

    @TempDir
    static Path folder;

    private static Path spam;

    @BeforeAll
    static void setUp() throws IOException {
        runtime = MtlRuntime.create();
        spam = FirstRows.write("examples/data/spam_assassin_sample.csv", folder.resolve("spam.csv"), 200);
    }

    private static PipelineSpec lora(int epochs) {
        return Mtl.pipeline("spam-subjects-lora").data(Data.csv(spam.toString()).text("subject").split(0.2, 7))
                .encoder(Component.of("transformer").param("tuning", "lora").param("depth", 2).param("tunedLayers", 1)
                        .param("maxLength", 24).param("loraRank", 4).param("loraAlpha", 8.0))
                .task("is_spam", Heads.binary())
                .training(t -> t.epochs(epochs).batchSize(16).adam(1e-2).seed(42)).build();
    }

    @Test
    void loraOnTheTopLayerLearnsSpamLeavesThePretrainedWeightsAloneAndSavesWhole() {
        PreparedPipeline prepared = runtime.prepare(lora(3), folder);
        Map<String, INDArray> before = copy(prepared.network().graph().paramTable());

        TrainingResult result = runtime.train(prepared, TrainingListener.SILENT);

        List<EpochReport> epochs = result.history().epochs();
        assertThat(epochs.get(epochs.size() - 1).taskLosses().get("is_spam"))
                .isLessThan(epochs.get(0).taskLosses().get("is_spam"));
        // 69 of the 200 mails are spam: guessing "not spam" is right about 0.65 of the time
        assertThat(result.metric("test", "is_spam", "accuracy")).isGreaterThan(0.8);
        Map<String, INDArray> after = result.model().graph().paramTable();
        int frozen = 0;
        int lora = 0;
        for (Map.Entry<String, INDArray> entry : before.entrySet()) {
            String name = entry.getKey();
            boolean changed = !after.get(name).equals(entry.getValue());
            if (name.contains("Lora")) {
                lora++;
                assertThat(changed).as(name + " trains").isTrue();
            } else if (name.contains("/frozen_") || name.contains("/layer_1_")) {
                frozen++;
                assertThat(changed).as(name + " is pretrained and frozen").isFalse();
            }
        }
        assertThat(lora).as("A and B of query and value").isEqualTo(4);
        assertThat(frozen).as("the embeddings, the frozen layer and the tuned layer's own weights").isEqualTo(5 + 16 + 16);

        Path file = folder.resolve("transformer.zip");
        runtime.save(result.model(), file);
        TrainedModel loaded = runtime.load(file);
        assertThat(runtime.predict(loaded, spam)).as("the saved model predicts as the trained one")
                .isEqualTo(runtime.predict(result.model(), spam));
    }

    @Test
    void theYamlFormReadsToTheSameSpecAsTheDsl() {
        String yaml = """
                pipeline: spam-subjects-lora
                data:
                  source: { type: csv, path: %s }
                  features: { subject: text }
                  split: { test: 0.2, seed: 7 }
                encoder: { type: transformer, tuning: lora, depth: 2, tunedLayers: 1, maxLength: 24, loraRank: 4, loraAlpha: 8.0 }
                tasks:
                  is_spam: { head: { type: binary } }
                training: { epochs: 3, batchSize: 16, optimizer: { type: adam, lr: 1.0e-2 }, seed: 42 }
                """.formatted(spam.toString());
        PipelineSpec read = new PipelineYamlReader(runtime.registry()).read(yaml, "spam-subjects-lora.yaml");
        assertThat(read).isEqualTo(lora(3));
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> params) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> copy.put(name, value.dup()));
        return copy;
    }
}
