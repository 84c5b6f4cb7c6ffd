package dev.mtl4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tasks with their own data, once in YAML and once in Java: one spec, and (seeded sampling) one set of numbers. */
final class DigitsOwnDataYamlAndDslTest {
    private final MtlRuntime runtime = MtlRuntime.create();
    private final Path pipelines = ExamplesDirectory.find().resolve("pipelines");

    @Test
    void yamlAndDslGiveEqualSpecsAndIdenticalMetrics() {
        PipelineSpec fromYaml = runtime.loadPipeline(pipelines.resolve("digits-own-data.yaml"));
        PipelineSpec fromDsl = DigitsOwnDataPipeline.spec("../data");
        assertThat(fromDsl).isEqualTo(fromYaml);

        TrainingResult yamlRun = runtime.train(fromYaml, pipelines, TrainingListener.SILENT);
        TrainingResult dslRun = runtime.train(fromDsl, pipelines, TrainingListener.SILENT);

        assertThat(dslRun.metrics()).isEqualTo(yamlRun.metrics());
        assertThat(yamlRun.metric("test", "digit", "accuracy")).isGreaterThanOrEqualTo(0.95);
        assertThat(yamlRun.metric("test", "parity", "accuracy")).isGreaterThanOrEqualTo(0.93);
    }
}
