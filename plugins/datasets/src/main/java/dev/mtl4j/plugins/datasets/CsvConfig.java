package dev.mtl4j.plugins.datasets;

import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code csv} data source's parameters.
 *
 * @param path the CSV file
 * @param delimiter the cell delimiter, one character
 * @param missing the cell texts that mean "missing value"
 */
public record CsvConfig(
        @Param(doc = "The CSV file, with a header line; a relative path is resolved against the pipeline file's directory.")
        String path,
        @Param(doc = "The character between cells (one character; \"\\t\" for tab-separated files).", defaultValue = ",")
        String delimiter,
        @Param(doc = "Cell texts read as missing values (compared after unquoting, before any trimming).",
                defaultValue = "[\"\"]")
        List<String> missing) {

    public CsvConfig {
        missing = missing == null ? List.of("") : List.copyOf(missing);
        delimiter = delimiter == null ? "," : delimiter;
    }

    /** A config reading {@code path} with the defaults. */
    public static CsvConfig of(String path) {
        return new CsvConfig(path, ",", List.of(""));
    }
}
