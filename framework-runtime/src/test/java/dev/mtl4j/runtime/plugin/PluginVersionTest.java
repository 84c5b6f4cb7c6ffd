package dev.mtl4j.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A plugin jar's version for provenance: the manifest's, else Maven's pom.properties, else unknown. */
final class PluginVersionTest {

    @Test
    void aJarWithoutManifestVersionIsReadFromMavensProperties() {
        // SnakeYAML's manifest has no Implementation-Version; its jar holds one pom.properties
        assertThat(org.yaml.snakeyaml.Yaml.class.getPackage().getImplementationVersion()).isNull();
        assertThat(PluginVersion.of(org.yaml.snakeyaml.Yaml.class)).matches("\\d+(\\.\\d+)+");
    }

    @Test
    void theManifestVersionComesFirst() {
        assertThat(PluginVersion.of(picocli.CommandLine.class)).isEqualTo(picocli.CommandLine.class.getPackage().getImplementationVersion());
    }

    @Test
    void aClassFolderOrAJarWithNeitherIsUnknown() {
        assertThat(PluginVersion.of(PluginVersionTest.class)).isEqualTo("unknown");
        assertThat(PluginVersion.of(com.google.inject.Guice.class)).isEqualTo("unknown");
    }
}
