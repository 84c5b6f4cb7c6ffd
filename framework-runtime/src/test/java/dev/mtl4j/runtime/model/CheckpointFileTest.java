package dev.mtl4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint file is checked like a model file, and belongs to one pipeline on one data set. */
final class CheckpointFileTest {
    private static MtlRuntime runtime;
    private static PipelineSpec spec;
    private static Path checkpoint;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void writeACheckpoint() throws IOException {
        runtime = MtlRuntime.create();
        Path data = shared.resolve("digits.csv");
        Files.copy(Path.of(Pipelines.digitsFile()), data);
        spec = Mtl.pipeline("checkpointed").data(Data.csv(data.toString()).numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(8)).task("digit", Heads.classification(10))
                .training(t -> t.epochs(2).batchSize(64).seed(3).checkpoint(1)).build();
        PreparedPipeline prepared = runtime.prepare(spec, Path.of(""));
        checkpoint = shared.resolve("checkpoint.zip");
        runtime.train(prepared, TrainingListener.SILENT, CheckpointFile.of(checkpoint, spec, prepared.dataFiles(), false));
    }

    private void resume(Path file) {
        PreparedPipeline prepared = runtime.prepare(spec, Path.of(""));
        runtime.train(prepared, TrainingListener.SILENT, CheckpointFile.of(file, spec, prepared.dataFiles(), true));
    }

    @Test
    void holdsTheArraysTheStateAndAManifest() throws IOException {
        Map<String, byte[]> entries = ModelZips.entries(checkpoint);
        assertThat(entries.keySet()).containsExactly("params.bin", "updaterState.bin", "mtl4j/checkpoint.yaml", "mtl4j/manifest.yaml");
        assertThat(CheckpointFile.progress(checkpoint)).hasValue("epoch 1 of 2");
        resume(checkpoint);
    }

    @Test
    void aDamagedCheckpointIsRefusedNamingTheEntry() throws IOException {
        Path cut = ModelZips.rewrite(checkpoint, dir.resolve("cut.zip"), true,
                e -> e.put("params.bin", ModelZips.cut(e.get("params.bin"), 8)));
        assertThatThrownBy(() -> resume(cut)).isInstanceOf(MtlException.class)
                .hasMessageStartingWith(cut + ": entry 'params.bin': cut short")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.MODEL_INVALID));
        Path flipped = ModelZips.rewrite(checkpoint, dir.resolve("flipped.zip"), false, e -> {
            byte[] state = e.get("updaterState.bin").clone();
            state[state.length - 1] ^= 1;
            e.put("updaterState.bin", state);
        });
        assertThatThrownBy(() -> resume(flipped)).isInstanceOf(MtlException.class)
                .hasMessage(flipped + ": entry 'updaterState.bin': its SHA-256 does not match the manifest (the file is damaged)");
    }

    @Test
    void changedDataIsRefused() throws IOException {
        Path copy = dir.resolve("checkpoint.zip");
        Files.copy(checkpoint, copy);
        Path data = Path.of(spec.data().source().params().get("path").toString());
        byte[] original = Files.readAllBytes(data);
        try {
            Files.writeString(data, Files.readString(data).replaceFirst("\n0,", "\n1,"));
            assertThatThrownBy(() -> resume(copy)).isInstanceOf(MtlException.class)
                    .hasMessage(copy + ": data file " + data + " is not the one the checkpoint was trained on (its SHA-256 "
                            + "differs, or it was not read then); resume on the same data, or delete the checkpoint to start over")
                    .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.DATA_INVALID));
        } finally {
            Files.write(data, original);
        }
    }

    @Test
    void aProjectMovedToAnotherFolderResumes() throws IOException {
        PipelineSpec relative = Mtl.pipeline("moved").data(Data.csv("digits.csv").numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(8)).task("digit", Heads.classification(10))
                .training(t -> t.epochs(2).batchSize(64).seed(3).checkpoint(1)).build();
        Path before = Files.createDirectories(dir.resolve("before"));
        Files.copy(Path.of(Pipelines.digitsFile()), before.resolve("digits.csv"));
        PreparedPipeline first = runtime.prepare(relative, before);
        runtime.train(first, TrainingListener.SILENT, CheckpointFile.of(before.resolve("checkpoint.zip"), relative,
                first.dataFiles(), false));

        Path after = Files.createDirectories(dir.resolve("after"));
        Files.move(before.resolve("digits.csv"), after.resolve("digits.csv"));
        Files.move(before.resolve("checkpoint.zip"), after.resolve("checkpoint.zip"));
        PreparedPipeline second = runtime.prepare(relative, after);
        assertThat(runtime.train(second, TrainingListener.SILENT, CheckpointFile.of(after.resolve("checkpoint.zip"), relative,
                second.dataFiles(), true)).history().epochs()).hasSize(2);
    }
}
