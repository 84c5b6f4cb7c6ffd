package dev.mtl4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.TrainingResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ModelFileTest {
    private static MtlRuntime runtime;
    private static TrainingResult trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        runtime = MtlRuntime.create();
        trained = runtime.train(Pipelines.digits(2, 32)
                .task("digit", Heads.classification(10)).weight(0.6)
                .task("parity", Heads.binary()).weight(0.2)
                .task("ink", Heads.regression()).weight(0.2)
                .build());
    }

    @Test
    void savedModelLoadsAndPredictsTheSame() {
        Path file = dir.resolve("model.zip");
        runtime.save(trained.model(), file);
        TrainedModel loaded = runtime.load(file);

        assertThat(loaded.spec()).isEqualTo(trained.model().spec());
        assertThat(loaded.graph().params()).isEqualTo(trained.model().graph().params());
        Path data = Path.of(Pipelines.digitsFile());
        Predictions before = runtime.predict(trained.model(), data);
        Predictions after = runtime.predict(loaded, data);
        assertThat(after).isEqualTo(before);
        assertThat(after.columns()).containsExactly("digit", "digit.probability", "parity", "parity.probability", "ink");
        assertThat(runtime.evaluate(loaded, data)).isEqualTo(runtime.evaluate(trained.model(), data));
        assertThat(loaded.provenance().dataFiles()).singleElement()
                .satisfies(f -> assertThat(f.get("sha256")).hasSize(64));
        assertThat(loaded.provenance().seed()).isEqualTo(42);
    }

    @Test
    void plainDl4jLoadsTheNetwork() throws IOException {
        Path file = dir.resolve("model.zip");
        runtime.save(trained.model(), file);

        ComputationGraph plain = ComputationGraph.load(file.toFile(), true);

        assertThat(plain.params()).isEqualTo(trained.model().graph().params());
        assertThat(plain.getConfiguration().getNetworkOutputs()).containsExactly(
                "task/digit/output", "task/parity/output", "task/ink/output");
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.zip");
        Files.writeString(file, "an older model");
        runtime.save(trained.model(), file);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("mtl4j/pipeline.yaml")).isNotNull();
            assertThat(zip.getEntry("configuration.json")).isNotNull();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void refusesEntriesThatDl4jWouldDeserialize() throws IOException {
        Path good = dir.resolve("model.zip");
        runtime.save(trained.model(), good);
        Path evil = dir.resolve("evil.zip");
        try (ZipFile in = new ZipFile(good.toFile()); OutputStream out = Files.newOutputStream(evil);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("preprocessor.bin"));
            zip.write(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5});
            zip.closeEntry();
        }

        assertThatThrownBy(() -> runtime.load(evil))
                .isInstanceOf(MtlException.class)
                .hasMessageContaining("evil.zip: entry 'preprocessor.bin'")
                .hasMessageContaining("Java deserialization")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.MODEL_INVALID));
    }

    @Test
    void refusesAFileThatIsNotAModel() throws IOException {
        Path file = dir.resolve("notes.zip");
        Files.writeString(file, "not a zip");

        assertThatThrownBy(() -> runtime.load(file)).isInstanceOf(MtlException.class)
                .hasMessageStartingWith(file + ": not a model file");
        assertThatThrownBy(() -> runtime.load(dir.resolve("absent.zip"))).isInstanceOf(MtlException.class)
                .hasMessageEndingWith("absent.zip: model file not found");
    }
}
