package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtl train PIPELINE --set KEY=VALUE --seed N}: the model trained is the one the overrides describe. */
final class SetOverridesCommandTest {
    @TempDir
    Path dir;

    @Test
    void overridesAndSeedReachTheTrainedModel() throws IOException {
        Path data = Repository.file("framework-runtime/src/test/resources/bad-inputs/_shared/small.csv");
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                pipeline: p
                data:
                  source: { type: csv, path: %s }
                  features: { "x*": numeric, color: categorical }
                  split: { test: 0.2, seed: 7 }
                encoder: { type: mlp, hidden: [8] }
                tasks:
                  kind: { head: { type: classification } }
                  flag: { head: { type: binary } }
                training: { epochs: 1, batchSize: 8, seed: 1 }
                """.formatted(data));

        CliRun run = CliRun.of("train", pipeline.toString(), "--out", dir.resolve("out").toString(),
                "--set", "training.epochs=2", "--set", "tasks.flag.weight=0.25", "--set", "encoder.hidden=[6, 4]", "--seed", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        PipelineSpec trained = MtlRuntime.create().load(dir.resolve("out/model.zip")).spec();
        assertThat(trained.training().epochs()).isEqualTo(2);
        assertThat(trained.training().seed()).isEqualTo(5);
        assertThat(trained.tasks().get(1).weight()).isEqualTo(0.25);
        assertThat(trained.encoder().params().get("hidden")).isEqualTo(java.util.List.of(6, 4));
    }
}
