package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ordinal} head in YAML: the DSL's spec, with and without its classes, and written back. */
final class OrdinalYamlTest {
    @TempDir
    Path dir;
    private final MtlRuntime runtime = MtlRuntime.create();

    private PipelineSpec read(String head) throws IOException {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, pipeline(head));
        return runtime.loadPipeline(file);
    }

    private static String pipeline(String head) {
        return "pipeline: p\n"
                + "data: { source: { type: csv, path: d.csv }, features: { x: numeric }, split: { test: 0.2, seed: 7 } }\n"
                + "encoder: { type: mlp, hidden: [8] }\n"
                + "tasks: { grade: { head: " + head + " } }\n";
    }

    private static PipelineSpec dsl(Heads.Head head) {
        return Mtl.pipeline("p").data(Data.csv("d.csv").numeric("x").split(0.2, 7)).encoder(Encoders.mlp().hidden(8))
                .task("grade", head).build();
    }

    @Test
    void yamlAndDslGiveEqualSpecs() throws IOException {
        PipelineSpec ordered = read("{ type: ordinal, classes: [low, mid, high], hidden: [4] }");
        PipelineSpec numeric = read("{ type: ordinal }");

        assertThat(ordered).isEqualTo(dsl(Heads.ordinal("low", "mid", "high").hidden(4)));
        assertThat(numeric).isEqualTo(dsl(Heads.ordinal()));
        Files.writeString(dir.resolve("w.yaml"), new PipelineYamlWriter().write(ordered));
        assertThat(runtime.loadPipeline(dir.resolve("w.yaml"))).isEqualTo(ordered);
    }
}
