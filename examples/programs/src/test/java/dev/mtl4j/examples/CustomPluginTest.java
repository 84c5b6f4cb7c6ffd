package dev.mtl4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.cli.Main;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The third-party plugin of examples/custom-plugin, a jar that depends on framework-api alone, is on
 * this module's test class path: ServiceLoader finds it, and its encoder is usable by name.
 */
final class CustomPluginTest {
    private final MtlRuntime runtime = MtlRuntime.create();

    @Test
    void foundByServiceLoaderWithItsJar() {
        var entry = runtime.registry().entries(Family.ENCODER).get("residual-mlp");
        assertThat(entry).isNotNull();
        assertThat(entry.plugin().origin()).matches("mtl4j-example-residual-mlp.*\\.jar|.*custom-plugin/target/classes/");
    }

    @Test
    void usableByNameFromYaml() {
        Path pipelines = ExamplesDirectory.find().resolve("pipelines");
        PipelineSpec spec = runtime.loadPipeline(pipelines.resolve("digits-residual.yaml"));
        assertThat(spec.encoder().type()).isEqualTo("residual-mlp");

        TrainingResult result = runtime.train(spec, pipelines, TrainingListener.SILENT);

        assertThat(result.model().graph().getVertex("shared/encoder/block_1/add")).isNotNull();
        assertThat(result.metric("test", "digit", "accuracy")).isGreaterThan(0.9);
    }

    @Test
    void listedByMtlPlugins() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Main.run("plugins")).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("residual-mlp").contains("Example third-party encoder");
    }
}
