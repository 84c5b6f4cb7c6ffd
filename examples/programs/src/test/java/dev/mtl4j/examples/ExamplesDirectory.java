package dev.mtl4j.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's examples folder, found from wherever Maven runs the tests. */
public final class ExamplesDirectory {
    private ExamplesDirectory() {
    }

    public static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/pipelines"))) {
                return dir.resolve("examples");
            }
        }
        throw new IllegalStateException("examples/pipelines not found above " + Path.of("").toAbsolutePath());
    }
}
