package dev.mtl4j.api.spi;

import java.nio.file.Path;

/**
 * Where a data source resolves relative paths: the directory of the pipeline file, or the working
 * directory for a pipeline built in Java.
 */
public record DataContext(Path baseDirectory) {

    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }
}
