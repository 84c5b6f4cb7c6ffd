package dev.mtl4j.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A fresh local Maven repository for building a project offline against this build's artifacts:
 * third-party artifacts and Maven's plugins are linked from the user's repository (no copy of
 * hundreds of megabytes), while mtl4j's own artifacts are installed from the checkout's target
 * folders. The user's repository's {@code dev/mtl4j} is never linked, so an artifact this build
 * does not publish cannot be picked up from an older install.
 */
final class LocalRepository {
    static final String GROUP_PATH = "dev/mtl4j";

    private final Path root;
    private final String version;

    private LocalRepository(Path root, String version) {
        this.root = root;
        this.version = version;
    }

    static LocalRepository create(Path root, Path userRepository, String version) throws IOException {
        linkAllBut(userRepository, root, List.of("dev", "mtl4j"));
        Files.createDirectories(root.resolve(GROUP_PATH));
        return new LocalRepository(root, version);
    }

    Path root() {
        return root;
    }

    /** Mirrors {@code from} into {@code to} with links, except the one path {@code skip} names. */
    private static void linkAllBut(Path from, Path to, List<String> skip) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!skip.isEmpty() && name.equals(skip.get(0))) {
                    if (skip.size() > 1) {
                        linkAllBut(entry, to.resolve(name), skip.subList(1, skip.size()));
                    }
                } else {
                    Files.createSymbolicLink(to.resolve(name), entry);
                }
            }
        }
    }

    /**
     * Installs what {@code mvn install} would for the BOM's mtl4j artifacts, the BOM and their parent
     * poms: each pom, and for a jar module its jar, sources and Javadoc.
     *
     * @return the artifactIds installed
     */
    List<String> installPublished(Modules modules, Path bom) throws IOException {
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(modules.get("mtl4j-bom").artifactId());
        for (String managed : Modules.managed(bom)) {
            if (managed.startsWith("dev.mtl4j:")) {
                wanted.add(managed.substring("dev.mtl4j:".length()));
            }
        }
        List<String> installed = new ArrayList<>();
        for (String artifactId : wanted) {
            Modules.Module module = modules.get(artifactId);
            while (module != null && !installed.contains(module.artifactId())) {
                install(module);
                installed.add(module.artifactId());
                module = module.parent().map(modules::get).orElse(null);
            }
        }
        return installed;
    }

    private void install(Modules.Module module) throws IOException {
        String name = module.artifactId() + "-" + version;
        Path target = Files.createDirectories(root.resolve(GROUP_PATH).resolve(module.artifactId()).resolve(version));
        Files.copy(module.pom(), target.resolve(name + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (!module.packaging().equals("jar")) {
            return;
        }
        List<String> files = new ArrayList<>(List.of(name + ".jar"));
        if (module.hasSources()) {
            files.add(name + "-sources.jar");
            files.add(name + "-javadoc.jar");
        }
        for (String file : files) {
            Path built = module.directory().resolve("target").resolve(file);
            if (!Files.isRegularFile(built)) {
                throw new IllegalStateException(module.artifactId() + " did not build " + built);
            }
            Files.copy(built, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
