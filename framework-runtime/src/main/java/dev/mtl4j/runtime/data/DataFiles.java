package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.TableSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a pipeline's data source reads must be there before it reads them: a missing one is a
 * problem of the key that names it ({@code data.source.path}, {@code tasks.parity.data.source.path}),
 * so that the command line points at that line of the pipeline file.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * @param key where the source sits in the pipeline ({@code data.source})
     * @return {@code source}, its files found
     */
    public static TableSource requireFound(TableSource source, ComponentSpec spec, String key) {
        // A source that reads one file names it with a path parameter (the DatasetFactory convention).
        String at = spec.params().containsKey("path") ? key + ".path" : key;
        for (Path file : source.files()) {
            if (!Files.exists(file)) {
                throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed(at, "data file not found: " + file));
            }
            if (Files.isDirectory(file)) {
                throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed(at, "is a directory, not a data file: " + file));
            }
        }
        return source;
    }
}
