package dev.mtl4j.examples;

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
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.cli.Main;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aModelNeedsItsPluginAndTheErrorNamesItsJarAndVersion(@TempDir Path dir) {
        PipelineSpec spec = Mtl.pipeline("residual-small")
                .data(Data.csv(ExamplesDirectory.find().resolve("data/digits_tasks.csv").toString()).numeric("px*").split(0.2, 7))
                .encoder(Component.of("residual-mlp").param("width", 16).param("blocks", 1))
                .task("digit", Heads.classification(10))
                .training(t -> t.epochs(1).seed(1))
                .build();
        Path model = dir.resolve("model.zip");
        runtime.save(runtime.train(spec, dir, TrainingListener.SILENT).model(), model);
        var residual = runtime.registry().entries(Family.ENCODER).get("residual-mlp").plugin();
        MtlRuntime without = MtlRuntime.create(PluginRegistry.of(runtime.registry().plugins().stream()
                .map(PluginRegistry.LoadedPlugin::plugin).filter(p -> p != residual.plugin()).toList()));

        assertThatThrownBy(() -> without.load(model)).isInstanceOfSatisfying(MtlException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.PLUGIN_LOAD_FAILED);
            assertThat(e.getMessage()).contains(model + ": the model was trained with a plugin that is not loaded: "
                    + "dev.mtl4j.examples.residual.ResidualMlpPlugin from " + residual.origin() + " (version "
                    + residual.version() + ")").contains("--plugin-path").contains("unknown encoder type 'residual-mlp'");
        });
        assertThat(runtime.load(model).spec().encoder().type()).isEqualTo("residual-mlp");
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
