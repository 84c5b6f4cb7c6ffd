package dev.mtl4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged model file is refused when it is loaded, with MODEL_INVALID and the entry's name; never
 * loaded with wrong weights, never an exception from deep inside DL4J. Each damage is tested on a
 * format-2 file twice where it matters: as written (the manifest catches it) and with the manifest
 * rewritten to match (the check behind the manifest catches it, as it must for format-1 files).
 */
final class ModelFileVerificationTest {
    private static MtlRuntime runtime;
    private static Path good;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void saveAModel() {
        runtime = MtlRuntime.create();
        var trained = runtime.train(Pipelines.digits(1, 16)
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .task("ink", Heads.regression())
                .build());
        good = shared.resolve("good.zip");
        runtime.save(trained.model(), good);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file, String entry) {
        return assertThatThrownBy(() -> runtime.load(file))
                .isInstanceOf(MtlException.class)
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.MODEL_INVALID))
                .hasMessageStartingWith(file + ": entry '" + entry + "': ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aFormatTwoFileHasAManifestOfEveryEntry() throws IOException {
        Map<String, byte[]> entries = ModelZips.entries(good);
        assertThat(entries.keySet()).containsExactly("configuration.json", "coefficients.bin", "updaterState.bin",
                "mtl4j/pipeline.yaml", "mtl4j/preprocessing.yaml", "mtl4j/provenance.yaml", "mtl4j/manifest.yaml");
        Manifest manifest = Manifest.fromMap(PlainYaml.load(new String(entries.get("mtl4j/manifest.yaml"), StandardCharsets.UTF_8)));
        assertThat(manifest.entries()).hasSize(6);
        manifest.entries().forEach((name, entry) -> {
            assertThat(entry.size()).isEqualTo(entries.get(name).length);
            assertThat(entry.sha256()).isEqualTo(ManifestedZip.sha256(entries.get(name)));
        });
        assertThat(new String(entries.get("mtl4j/provenance.yaml"), StandardCharsets.UTF_8)).startsWith("format: 2\n");
    }

    @Test
    void aCutCoefficientsEntryIsRefused() throws IOException {
        assertRefused(ModelZips.rewrite(good, dir.resolve("cut.zip"), false,
                e -> e.put("coefficients.bin", ModelZips.cut(e.get("coefficients.bin"), 100))), "coefficients.bin")
                .hasMessageContaining("the manifest says");
        assertRefused(ModelZips.rewrite(good, dir.resolve("cut-fixed.zip"), true,
                e -> e.put("coefficients.bin", ModelZips.cut(e.get("coefficients.bin"), 100))), "coefficients.bin")
                .hasMessageContaining("cut short");
    }

    @Test
    void aFlippedByteIsCaughtByTheManifest() throws IOException {
        Path file = ModelZips.rewrite(good, dir.resolve("flipped.zip"), false, e -> {
            byte[] coefficients = e.get("coefficients.bin").clone();
            coefficients[coefficients.length - 3] ^= 0x01;
            e.put("coefficients.bin", coefficients);
        });
        assertRefused(file, "coefficients.bin").hasMessageContaining("SHA-256 does not match the manifest");
    }

    @Test
    void nonFiniteCoefficientsAreRefused() throws IOException {
        Path file = ModelZips.rewrite(good, dir.resolve("nan.zip"), true,
                e -> e.put("coefficients.bin", ModelZips.withNaN(e.get("coefficients.bin"), 5)));
        assertRefused(file, "coefficients.bin").hasMessageContaining("1 of ").hasMessageContaining("values are NaN or infinite")
                .hasMessageContaining("parameter '");
    }

    @Test
    void trailingJunkIsRefusedInAnEntryAndAfterTheZip() throws IOException {
        byte[] junk = "junk".getBytes(StandardCharsets.US_ASCII);
        assertRefused(ModelZips.rewrite(good, dir.resolve("junk-entry.zip"), true,
                e -> e.put("coefficients.bin", ModelZips.extended(e.get("coefficients.bin"), junk))), "coefficients.bin")
                .hasMessageContaining("trailing junk after the");

        Path appended = dir.resolve("junk-file.zip");
        Files.write(appended, ModelZips.extended(Files.readAllBytes(good), junk));
        assertThatThrownBy(() -> runtime.load(appended)).isInstanceOf(MtlException.class)
                .hasMessage(appended + ": 4 bytes of trailing junk after the end of the zip");
    }

    @Test
    void aSecondPipelineEntryIsRefused() throws IOException {
        Path file = ModelZips.withDuplicate(good, dir.resolve("two-pipelines.zip"), "mtl4j/pipeline.yaml",
                "pipeline: other\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> runtime.load(file)).isInstanceOf(MtlException.class)
                .hasMessage(file + ": entry 'mtl4j/pipeline.yaml' appears twice; refusing to load (which one is meant?)");
    }

    @Test
    void preprocessingThatDoesNotFitTheNetworkIsRefused() throws IOException {
        Path file = ModelZips.rewrite(good, dir.resolve("two-classes.zip"), true, e -> e.put("mtl4j/preprocessing.yaml",
                withClasses(e.get("mtl4j/preprocessing.yaml"), "digit", List.of("0", "1"))));
        assertRefused(file, "mtl4j/preprocessing.yaml").hasMessage(file + ": entry 'mtl4j/preprocessing.yaml': task 'digit' "
                + "is encoded as 2 value(s) (classes [0, 1]), but the network's output 'task/digit/output' gives 10");
    }

    @Test
    void aZipBombIsRefusedWithoutReadingItWhole() throws IOException, URISyntaxException {
        // 64 MiB of zeros (64 KiB in the zip), four times the cap; once as declared, then declared as 100 bytes.
        long size = 64L << 20;
        Path honest = ModelZips.withBomb(good, dir.resolve("bomb.zip"), "mtl4j/pipeline.yaml", size, size);
        assertThatThrownBy(() -> runtime.load(honest)).isInstanceOf(MtlException.class)
                .hasMessage(honest + ": entry 'mtl4j/pipeline.yaml' declares 64 MiB, more than the limit of 16 MiB; refusing to load");
        Path lying = ModelZips.withBomb(good, dir.resolve("lying-bomb.zip"), "mtl4j/pipeline.yaml", size, 100);
        assertRefused(lying, "mtl4j/pipeline.yaml").hasMessageContaining("bytes the manifest says (extended or damaged)");
        // Without a manifest (format 1) the entry's cap stops the read.
        Path golden = Path.of(getClass().getResource("/golden/digits-format1.zip").toURI());
        Path lyingOne = ModelZips.withBomb(golden, dir.resolve("lying-bomb1.zip"), "mtl4j/pipeline.yaml", size, 100);
        assertRefused(lyingOne, "mtl4j/pipeline.yaml").hasMessageContaining("larger than the limit of 16 MiB");
    }

    @Test
    void theManifestMustBeThereAndListEveryEntry() throws IOException {
        assertRefused(ModelZips.rewrite(good, dir.resolve("no-manifest.zip"), false, e -> e.remove("mtl4j/manifest.yaml")),
                "mtl4j/manifest.yaml").hasMessageContaining("missing; a format-2 model file has one");
        Path unlisted = ModelZips.rewrite(good, dir.resolve("unlisted.zip"), false, e -> e.put("noParams.marker", new byte[0]));
        assertRefused(unlisted, "noParams.marker").hasMessageContaining("not listed in the manifest");
        Path missing = ModelZips.rewrite(good, dir.resolve("missing.zip"), false, e -> e.remove("updaterState.bin"));
        assertRefused(missing, "updaterState.bin").hasMessageContaining("listed in the manifest but missing");
    }

    @Test
    void malformedEntriesAreNamed() throws IOException {
        assertRefused(ModelZips.rewrite(good, dir.resolve("json.zip"), true,
                e -> e.put("configuration.json", "{ not json".getBytes(StandardCharsets.UTF_8))), "configuration.json")
                .hasMessageContaining("not a DL4J network configuration");
        assertRefused(ModelZips.rewrite(good, dir.resolve("utf8.zip"), true,
                e -> e.put("mtl4j/provenance.yaml", new byte[] {'a', ':', ' ', (byte) 0xff})), "mtl4j/provenance.yaml")
                .hasMessageContaining("not UTF-8 text");
        assertRefused(ModelZips.rewrite(good, dir.resolve("newer.zip"), true,
                e -> e.put("mtl4j/provenance.yaml", "format: 9\n".getBytes(StandardCharsets.UTF_8))), "mtl4j/provenance.yaml")
                .hasMessageContaining("written by a newer mtl4j");
        Path pipeline = ModelZips.rewrite(good, dir.resolve("pipeline.zip"), true,
                e -> e.put("mtl4j/pipeline.yaml", "pipeline: p\nencoder: { type: nope }\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> runtime.load(pipeline)).isInstanceOf(MtlException.class)
                .hasMessageContaining(pipeline + "!/mtl4j/pipeline.yaml:")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.MODEL_INVALID));
    }

    @Test
    void aFormatOneFileIsCheckedWithoutAManifest() throws IOException, URISyntaxException {
        Path golden = Path.of(getClass().getResource("/golden/digits-format1.zip").toURI());
        assertThat(ModelZips.entries(golden)).doesNotContainKey("mtl4j/manifest.yaml");
        assertThat(runtime.load(golden).spec().name()).isEqualTo("golden-digits");

        assertRefused(ModelZips.rewrite(golden, dir.resolve("nan1.zip"), false,
                e -> e.put("coefficients.bin", ModelZips.withNaN(e.get("coefficients.bin"), 0))), "coefficients.bin")
                .hasMessageContaining("NaN or infinite");
        assertRefused(ModelZips.rewrite(golden, dir.resolve("cut1.zip"), false,
                e -> e.put("updaterState.bin", ModelZips.cut(e.get("updaterState.bin"), 1))), "updaterState.bin")
                .hasMessageContaining("cut short");
    }

    @SuppressWarnings("unchecked")
    private static byte[] withClasses(byte[] preprocessing, String task, List<String> classes) {
        Map<String, Object> state = PlainYaml.load(new String(preprocessing, StandardCharsets.UTF_8));
        for (Map<String, Object> target : (List<Map<String, Object>>) state.get("targets")) {
            if (target.get("task").equals(task)) {
                target.put("classes", new ArrayList<>(classes));
            }
        }
        return PlainYaml.dump(state).getBytes(StandardCharsets.UTF_8);
    }
}
