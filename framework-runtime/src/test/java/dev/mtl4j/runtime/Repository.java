package dev.mtl4j.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository (examples/data, examples/pipelines) from wherever Maven runs a test. */
public final class Repository {
    private Repository() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/data"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("examples/data not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }
}
