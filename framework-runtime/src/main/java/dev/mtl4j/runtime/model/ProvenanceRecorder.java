package dev.mtl4j.runtime.model;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Gathers a model's provenance at the end of training. */
public final class ProvenanceRecorder {
    private ProvenanceRecorder() {
    }

    public static Provenance record(PluginRegistry registry, long seed, List<Path> dataFiles) {
        List<Map<String, String>> plugins = registry.plugins().stream()
                .map(p -> Map.of("plugin", p.className(), "jar", p.origin(), "version", p.version())).toList();
        List<Map<String, String>> files = dataFiles.stream()
                .map(f -> Map.of("file", f.getFileName().toString(), "sha256", sha256(f))).toList();
        return new Provenance(version(), plugins, seed, files,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The runtime jar's version, or "development" when run from class folders. */
    public static String version() {
        String version = ProvenanceRecorder.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, file + ": cannot read for its checksum: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
