package dev.mtl4j.api.spi;

import java.nio.file.Path;
import java.util.List;

/** A configured data source: it reads a table of raw cells. */
public interface TableSource {

    /**
     * Reads every row.
     *
     * @throws dev.mtl4j.api.MtlException with category DATA_INVALID naming the file (and row) that failed
     */
    RawTable read();

    /** The files read, for provenance (their sha256 is recorded in the model). */
    List<Path> files();
}
