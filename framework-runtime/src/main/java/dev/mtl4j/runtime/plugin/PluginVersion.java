package dev.mtl4j.runtime.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A plugin jar's version, for provenance and error messages: the manifest's Implementation-Version,
 * else the version Maven wrote into the jar ({@code META-INF/maven/GROUP/ARTIFACT/pom.properties},
 * there even when the plugin's build adds no manifest entries), else "unknown" (a class folder).
 */
final class PluginVersion {
    static final String UNKNOWN = "unknown";

    private PluginVersion() {
    }

    static String of(Class<?> type) {
        Package pkg = type.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version != null ? version : fromMavenProperties(type);
    }

    private static String fromMavenProperties(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return UNKNOWN;
        }
        try {
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return UNKNOWN;
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                List<JarEntry> poms = file.stream()
                        .filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties"))
                        .toList();
                if (poms.size() != 1) {
                    return UNKNOWN; // a shaded jar holds several: which one is the plugin's is not known
                }
                Properties properties = new Properties();
                try (InputStream in = file.getInputStream(poms.get(0))) {
                    properties.load(in);
                }
                return properties.getProperty("version", UNKNOWN);
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
