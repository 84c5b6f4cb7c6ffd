package dev.mtl4j.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.model.TrainedModel;
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
 * {@code task-adapters}: two tasks read one frozen MiniLM body (its two lowest layers, one of them
 * frozen) and each trains its own LoRA matrices on the layer above; spam is learned from 160 mail
 * subjects, the body's weights stay as they were, and the model file holds only the towers.
 */
final class TaskAdaptersTest {
    private static MtlRuntime runtime;

    @TempDir
    static Path folder;

    private static Path spam;

    @BeforeAll
    static void setUp() throws IOException {
        runtime = MtlRuntime.create();
        spam = FirstRows.write("examples/data/spam_assassin_sample.csv", folder.resolve("spam.csv"), 200);
    }

    private static PipelineSpec pipeline(Component encoder, Component sharing) {
        return Mtl.pipeline("spam-subjects-task-adapters").data(Data.csv(spam.toString()).text("subject").split(0.2, 7))
                .encoder(encoder).sharing(sharing)
                .task("is_spam", Heads.binary()).task("hard_ham", Heads.binary())
                .training(t -> t.epochs(3).batchSize(16).adam(1e-2).seed(42)).build();
    }

    private static Component lora() {
        return Component.of("transformer").param("tuning", "lora").param("depth", 2).param("tunedLayers", 1)
                .param("maxLength", 24).param("loraRank", 4).param("loraAlpha", 8.0);
    }

    @Test
    void eachTaskTrainsItsOwnLoraOverOneFrozenBody() {
        PreparedPipeline prepared = runtime.prepare(pipeline(lora(), Sharing.taskAdapters()), folder);
        Map<String, INDArray> before = copy(prepared.network().graph().paramTable());
        assertThat(before.keySet().stream().filter(k -> k.endsWith("_word")))
                .as("one body: one copy of the word embeddings").containsExactly("shared/encoder/frozen_word");

        TrainingResult result = runtime.train(prepared, TrainingListener.SILENT);

        // 69 of the 200 mails are spam: guessing "not spam" is right about 0.65 of the time
        assertThat(result.metric("test", "is_spam", "accuracy")).isGreaterThan(0.8);
        Map<String, INDArray> after = result.model().graph().paramTable();
        for (String task : List.of("is_spam", "hard_ham")) {
            String loraB = "shared/" + task + "/layer_1_queryLoraB";
            assertThat(after).as(task + " has its own LoRA matrices").containsKey(loraB);
            assertThat(after.get(loraB)).as(loraB + " trains").isNotEqualTo(before.get(loraB));
        }
        assertThat(after.get("shared/is_spam/layer_1_queryLoraB")).as("the towers learn apart")
                .isNotEqualTo(after.get("shared/hard_ham/layer_1_queryLoraB"));
        before.forEach((name, value) -> {
            if (name.contains("/frozen_") || name.endsWith("queryW") || name.endsWith("ffnInW")) {
                assertThat(after.get(name)).as(name + " is pretrained and frozen").isEqualTo(value);
            }
        });

        Path file = folder.resolve("task-adapters.zip");
        runtime.save(result.model(), file);
        TrainedModel loaded = runtime.load(file);
        assertThat(runtime.predict(loaded, spam)).as("the saved model predicts as the trained one")
                .isEqualTo(runtime.predict(result.model(), spam));
    }

    @Test
    void tasksGivenOneSetShareIt() {
        PreparedPipeline prepared = runtime.prepare(pipeline(lora(), Sharing.taskAdapters().set("is_spam", 1).set("hard_ham", 1)),
                folder);
        assertThat(prepared.network().graph().paramTable().keySet().stream().filter(k -> k.endsWith("queryLoraB")))
                .containsExactly("shared/set_1/layer_1_queryLoraB");
    }

    @Test
    void theYamlFormReadsToTheSameSpecAsTheDsl() {
        String yaml = """
                pipeline: spam-subjects-task-adapters
                data:
                  source: { type: csv, path: %s }
                  features: { subject: text }
                  split: { test: 0.2, seed: 7 }
                encoder: { type: transformer, tuning: lora, depth: 2, tunedLayers: 1, maxLength: 24, loraRank: 4, loraAlpha: 8.0 }
                sharing: { type: task-adapters, sets: { is_spam: 1, hard_ham: 1 } }
                tasks:
                  is_spam: { head: { type: binary } }
                  hard_ham: { head: { type: binary } }
                training: { epochs: 3, batchSize: 16, optimizer: { type: adam, lr: 1.0e-2 }, seed: 42 }
                """.formatted(spam.toString());
        PipelineSpec read = new PipelineYamlReader(runtime.registry()).read(yaml, "p.yaml");
        assertThat(read).isEqualTo(pipeline(lora(), Sharing.taskAdapters().set("is_spam", 1).set("hard_ham", 1)));
    }

    @Test
    void anEncoderWithoutAFrozenBodyOrAnUnknownTaskIsALocatedError() {
        MtlException noBody = catchThrowableOfType(MtlException.class, () -> runtime.prepare(
                pipeline(Component.of("bag-of-words"), Sharing.taskAdapters()), folder));
        assertThat(noBody.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        assertThat(noBody.getMessage()).startsWith("sharing.type: task-adapters gives each task its own trainable top")
                .contains("use encoder type transformer with tuning lora or adapter");

        MtlException unknown = catchThrowableOfType(MtlException.class, () -> runtime.prepare(
                pipeline(lora(), Sharing.taskAdapters().set("colour", 1)), folder));
        assertThat(unknown.getMessage()).isEqualTo("sharing.sets.colour: names no task of this pipeline; its tasks are "
                + "[is_spam, hard_ham]");
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> params) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> copy.put(name, value.dup()));
        return copy;
    }
}
