package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Pipelines;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exception thrown inside a plugin is reported as that plugin's, with its jar and where it threw. */
final class PluginFailureTest {
    @TempDir
    Path dir;

    @Test
    void anExceptionFromAPluginNamesThePlugin() throws IOException {
        Path jar = dir.resolve("exploding-head.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("META-INF/services/dev.mtl4j.api.spi.Plugin"));
            zip.write("dev.mtl4j.runtime.plugin.fixtures.ExplodingHeadPlugin\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, String.join("\n",
                "pipeline: exploding",
                "data: { source: { type: csv, path: " + Pipelines.digitsFile() + " }, features: { \"px*\": numeric } }",
                "encoder: { type: mlp, hidden: [8] }",
                "tasks: { ink: { head: { type: exploding } } }",
                ""));

        CliRun run = CliRun.of("--plugin-path", jar.toString(), "train", pipeline.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("internal error in plugin dev.mtl4j.runtime.plugin.fixtures.ExplodingHeadPlugin ("
                + "exploding-head.jar, version unknown) at dev.mtl4j.runtime.plugin.fixtures.ExplodingHeadPlugin$1$1.build(")
                .contains("java.lang.IllegalArgumentException: boom: a bug in the head");
    }
}
