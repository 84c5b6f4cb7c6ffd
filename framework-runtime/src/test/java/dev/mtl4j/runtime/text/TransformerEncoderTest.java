package dev.mtl4j.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trainable MiniLM transformer in a real pipeline: LoRA on the top layer of its lowest two
 * learns spam from 160 mail subjects (seeds fixed; subjects are short, so it takes seconds on an
 * idle machine) while every pretrained weight stays as it was; the saved model predicts as the
 * trained one from a file that holds only what changed (the pretrained weights restored from the
 * plugin and checked against their SHA-256); the YAML form reads to the same spec as the DSL.
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
    void loraOnTheTopLayerLearnsSpamLeavesThePretrainedWeightsAloneAndSavesOnlyWhatChanged() throws IOException {
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
        Map<String, byte[]> entries = entries(file);
        assertThat(entries).as("the pretrained weights are left out, restored from the plugin on load")
                .doesNotContainKey("coefficients.bin").containsKeys("mtl4j/parameters.bin", "mtl4j/pretrained.yaml");
        assertThat(new String(entries.get("mtl4j/pretrained.yaml"), StandardCharsets.UTF_8))
                .contains("model: all-minilm-l6-v2@langchain4j-1.19.0-beta29").containsPattern("sha256: [0-9a-f]{64}");
        long everything = result.model().graph().numParams();
        assertThat((long) entries.get("mtl4j/parameters.bin").length).as("LoRA and the head: under 1 % of the weights' bytes")
                .isLessThan(everything * Float.BYTES / 100);
        TrainedModel loaded = runtime.load(file);
        assertThat(loaded.graph().params()).as("every weight, pretrained ones restored").isEqualTo(result.model().graph().params());
        assertThat(runtime.predict(loaded, spam)).as("the saved model predicts as the trained one")
                .isEqualTo(runtime.predict(result.model(), spam));
    }

    @Test
    void aModelWhosePretrainedWeightsAreNotThoseThePluginRestoresIsRefused() throws IOException {
        TrainingResult result = runtime.train(runtime.prepare(lora(1), folder), TrainingListener.SILENT);
        Path file = folder.resolve("other-pretrained.zip");
        runtime.save(result.model(), file);
        // as if the model had been tuned on other pretrained weights: its checksum of them differs
        // (the manifest rewritten to match, so the check behind it is what answers)
        Map<String, byte[]> entries = entries(file);
        String yaml = new String(entries.get("mtl4j/pretrained.yaml"), StandardCharsets.UTF_8);
        String sha = yaml.replaceAll("(?s).*sha256: ([0-9a-f]{64}).*", "$1");
        byte[] changed = yaml.replace(sha, "ab".repeat(32)).getBytes(StandardCharsets.UTF_8);
        String manifest = new String(entries.get("mtl4j/manifest.yaml"), StandardCharsets.UTF_8)
                .replace(sha256(entries.get("mtl4j/pretrained.yaml")), sha256(changed));
        entries.put("mtl4j/pretrained.yaml", changed);
        entries.put("mtl4j/manifest.yaml", manifest.getBytes(StandardCharsets.UTF_8));
        Path tampered = folder.resolve("tampered.zip");
        write(entries, tampered);

        assertThatThrownBy(() -> runtime.load(tampered)).isInstanceOfSatisfying(MtlException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.MODEL_INVALID))
                .hasMessageStartingWith(tampered + ": entry 'mtl4j/pretrained.yaml': ")
                .hasMessageContaining("not those the model was trained on");
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static void write(Map<String, byte[]> entries, Path file) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
