package dev.mtl4j.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a user can depend on stays whole as modules are added: every library module is in the BOM,
 * every built-in plugin in the starter, and nothing published silences the host's logging.
 */
final class PublishedArtifactsTest {
    private final Path root = Checkout.root();
    private final Modules modules = new Modules(root);
    private final List<String> bom = Modules.managed(root.resolve("packaging/bom/pom.xml"));

    PublishedArtifactsTest() throws IOException {
    }

    @Test
    void everyLibraryModuleIsInTheBom() {
        List<String> libraries = modules.all().stream().filter(m -> m.packaging().equals("jar"))
                .filter(m -> isLibrary(m.directory())).map(m -> "dev.mtl4j:" + m.artifactId()).toList();

        assertThat(libraries).contains("dev.mtl4j:mtl4j-framework-api", "dev.mtl4j:mtl4j-plugin-heads");
        assertThat(bom).containsAll(libraries).contains("dev.mtl4j:mtl4j-starter", "dev.mtl4j:mtl4j-native");
    }

    @Test
    void theStarterBringsEveryBuiltInPlugin() {
        List<String> plugins = modules.all().stream().filter(m -> m.packaging().equals("jar"))
                .filter(m -> root.relativize(m.directory()).startsWith("plugins")).map(m -> "dev.mtl4j:" + m.artifactId())
                // mtl4j-spark is not a plugin: a trainer for spark-submit, which the cluster gives Spark
                .filter(a -> !a.equals("dev.mtl4j:mtl4j-spark")).toList();
        List<String> starter = Modules.dependencies(modules.get("mtl4j-starter").pom()).stream()
                .map(d -> d.substring(0, d.lastIndexOf(':'))).toList();

        assertThat(plugins).hasSizeGreaterThanOrEqualTo(7);
        assertThat(starter).containsAll(plugins).contains("dev.mtl4j:mtl4j-framework-runtime", "dev.mtl4j:mtl4j-native");
    }

    @Test
    void nothingPublishedBringsALoggingBinding() {
        for (String artifactId : List.of("mtl4j-framework-api", "mtl4j-framework-runtime", "mtl4j-starter", "mtl4j-native",
                "mtl4j-plugins")) {
            assertThat(Modules.dependencies(modules.get(artifactId).pom())).as(artifactId)
                    .noneMatch(d -> d.matches("org\\.slf4j:slf4j-(nop|simple|log4j12|jdk14|reload4j):(compile|runtime)"));
        }
        assertThat(Modules.dependencies(modules.get("mtl4j-distribution").pom())).contains("org.slf4j:slf4j-nop:runtime");
    }

    private boolean isLibrary(Path directory) {
        Path relative = root.relativize(directory);
        return relative.startsWith("plugins") || relative.getFileName().toString().startsWith("framework-");
    }
}
