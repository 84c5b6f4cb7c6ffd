package dev.mtl4j.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery through ServiceLoader, and its errors naming the jars involved. */
final class PluginRegistryTest {
    @TempDir
    Path dir;

    @Test
    void findsTheBuiltInPluginsLikeAnyOther() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

        assertThat(registry.names(Family.ENCODER)).contains("mlp");
        assertThat(registry.names(Family.HEAD)).contains("classification", "binary", "multilabel", "regression");
        assertThat(registry.names(Family.SHARING)).contains("hard");
        assertThat(registry.names(Family.DATASET)).contains("csv");
        assertThat(registry.entries(Family.ENCODER).get("mlp").plugin().origin()).startsWith("mtl4j-plugin-encoders");
    }

    @Test
    void twoComponentsWithOneNameNameBothJars() throws IOException {
        Path jar = pluginJar("impostor.jar", "dev.mtl4j.runtime.plugin.fixtures.DuplicateMlpPlugin");

        assertThatThrownBy(() -> PluginRegistry.discover(loader(jar)))
                .isInstanceOf(MtlException.class)
                .hasMessageContaining("encoder type 'mlp' is provided twice")
                .hasMessageContaining("mtl4j-plugin-encoders")
                .hasMessageContaining("impostor.jar")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.PLUGIN_LOAD_FAILED));
    }

    @Test
    void aPluginThatFailsToLoadNamesItsJarAndCause() throws IOException {
        Path jar = pluginJar("broken.jar", "dev.mtl4j.runtime.plugin.fixtures.ExplodingPlugin");

        assertThatThrownBy(() -> PluginRegistry.discover(loader(jar)))
                .isInstanceOf(MtlException.class)
                .hasMessageStartingWith("broken.jar: cannot load plugin")
                .hasMessageContaining("needs libfoo");
    }

    @Test
    void aDeclaredClassThatIsMissingNamesItsJar() throws IOException {
        Path jar = pluginJar("typo.jar", "com.example.NoSuchPlugin");

        assertThatThrownBy(() -> PluginRegistry.discover(loader(jar)))
                .isInstanceOf(MtlException.class)
                .hasMessageStartingWith("typo.jar: cannot load plugin")
                .hasMessageContaining("com.example.NoSuchPlugin");
    }

    @Test
    void aPluginThatProvidesNothingIsAnError() throws IOException {
        Path jar = pluginJar("empty.jar", "dev.mtl4j.runtime.plugin.fixtures.EmptyPlugin");

        assertThatThrownBy(() -> PluginRegistry.discover(loader(jar)))
                .isInstanceOf(MtlException.class)
                .hasMessage("empty.jar: plugin dev.mtl4j.runtime.plugin.fixtures.EmptyPlugin is declared but provides no components");
    }

    @Test
    void aComponentListedInTheWrongFamilyNamesItsJar() throws IOException {
        Path jar = pluginJar("mislisted.jar", "dev.mtl4j.runtime.plugin.fixtures.MislistedPlugin");

        assertThatThrownBy(() -> PluginRegistry.discover(loader(jar)))
                .isInstanceOf(MtlException.class)
                .hasMessageStartingWith("mislisted.jar: ")
                .hasMessageContaining("is listed among the heads but is not a HeadFactory");
    }

    /** A jar holding only a service file: the class itself comes from the test class path. */
    private Path pluginJar(String name, String pluginClass) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("META-INF/services/dev.mtl4j.api.spi.Plugin"));
            zip.write((pluginClass + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    private URLClassLoader loader(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
    }
}
