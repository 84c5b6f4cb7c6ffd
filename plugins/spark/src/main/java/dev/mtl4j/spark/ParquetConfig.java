package dev.mtl4j.spark;

import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Param;

/**
 * {@code type: parquet}.
 *
 * @param path a Parquet file or folder of part files; a relative path is resolved against the
 *     pipeline file's folder, a URI (hdfs://, s3a://) is read as it is
 */
public record ParquetConfig(
        @Param(doc = "The Parquet file or folder (a local path relative to the pipeline file, or a URI Spark reads).")
        String path) {

    public ParquetConfig {
        if (path == null || path.isBlank()) {
            throw new SpecException("path", "is required and must not be blank");
        }
    }
}
