package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.FeatureOptions;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.NumericEmbedding;
import dev.mtl4j.api.spec.NumericTransform;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feature's options (transform, numeric embedding, categories embedded above a count) in YAML: the DSL's spec, written back. */
final class FeatureOptionsYamlTest {
    @TempDir
    Path dir;

    @Test
    void yamlAndDslGiveEqualSpecsAndTheWriterKeepsThem() throws IOException {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "pipeline: p\n"
                + "data:\n"
                + "  source: { type: csv, path: d.csv }\n"
                + "  features:\n"
                + "    \"x*\": { type: numeric, transform: quantile, embedding: plr, embeddingSize: 12, frequencies: 24, sigma: 0.1 }\n"
                + "    amount: { type: numeric, embedding: linear }\n"
                + "    size: { type: ordinal, levels: [s, m, l], embedding: periodic }\n"
                + "    \"*\": { type: categorical, embedAbove: 20, embeddingSize: 6 }\n"
                + "  split: { test: 0.2, seed: 7 }\n"
                + "encoder: { type: mlp, hidden: [8] }\n"
                + "tasks: { y: { head: { type: binary } } }\n");
        MtlRuntime runtime = MtlRuntime.create();
        PipelineSpec read = runtime.loadPipeline(file);

        PipelineSpec dsl = Mtl.pipeline("p").data(Data.csv("d.csv")
                        .feature(FeatureType.NUMERIC, new FeatureOptions(NumericTransform.QUANTILE, NumericEmbedding.PLR, null, 12, 24,
                                0.1), "x*")
                        .feature(FeatureType.NUMERIC, FeatureOptions.embedded(NumericEmbedding.LINEAR), "amount")
                        .ordinal("size", FeatureOptions.embedded(NumericEmbedding.PERIODIC), "s", "m", "l")
                        .feature(FeatureType.CATEGORICAL, FeatureOptions.embeddedAbove(20, 6), "*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(8)).task("y", Heads.binary()).build();
        assertThat(read).isEqualTo(dsl);
        Files.writeString(dir.resolve("w.yaml"), new PipelineYamlWriter().write(read));
        assertThat(runtime.loadPipeline(dir.resolve("w.yaml"))).isEqualTo(read);
    }
}
