package dev.mtl4j.plugins.datasets;

import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code csv} data source's parameters.
 *
 * @param path the CSV file
 * @param delimiter the cell delimiter, one ASCII character
 * @param missing the cell texts that mean "missing value"
 * @param maxLineBytes the longest record, in bytes
 * @param maxCellBytes the longest cell, in bytes
 * @param maxColumns the most columns
 * @param maxRows the most rows
 */
public record CsvConfig(
        @Param(doc = "The CSV file (UTF-8), with a header line; a relative path is resolved against the pipeline file's directory.")
        String path,
        @Param(doc = "The character between cells (one ASCII character; \"\\t\" for tab-separated files).", defaultValue = ",")
        String delimiter,
        @Param(doc = "Cell texts read as missing values (compared after unquoting, before any trimming).",
                defaultValue = "[\"\"]")
        List<String> missing,
        @Param(doc = "The longest line in bytes (a quoted cell's line breaks make one line of several); a longer one is an error.",
                defaultValue = "8388608", min = 1, max = Integer.MAX_VALUE - 16)
        int maxLineBytes,
        @Param(doc = "The longest cell in bytes, after unquoting; a longer one is an error.",
                defaultValue = "1048576", min = 1, max = Integer.MAX_VALUE - 16)
        int maxCellBytes,
        @Param(doc = "The most columns a file may have; more is an error.", defaultValue = "10000", min = 1, max = 1_000_000)
        int maxColumns,
        @Param(doc = "The most rows a file may have; more is an error (rows are held in memory, compactly).",
                defaultValue = "50000000", min = 1, max = Integer.MAX_VALUE - 16)
        int maxRows) {

    /** The defaults of the limits, as their {@code @Param} declarations say. */
    static final int LINE_BYTES = 8 << 20;
    static final int CELL_BYTES = 1 << 20;
    static final int COLUMNS = 10_000;
    static final int ROWS = 50_000_000;

    public CsvConfig {
        missing = missing == null ? List.of("") : List.copyOf(missing);
        delimiter = delimiter == null ? "," : delimiter;
        if (path == null || path.isBlank()) {
            throw new SpecException("path", "is required and must not be blank");
        }
        char single = delimiter.length() == 1 ? delimiter.charAt(0) : 0;
        if (single <= 0 || single > 127 || single == '"' || single == '\n' || single == '\r') {
            throw new SpecException("delimiter", "must be one ASCII character other than a quote or line break, got '"
                    + delimiter + "'");
        }
    }

    /** A config reading {@code path} with every default. */
    public static CsvConfig of(String path) {
        return new CsvConfig(path, ",", List.of(""));
    }

    /** A config with these basics and the default limits. */
    public CsvConfig(String path, String delimiter, List<String> missing) {
        this(path, delimiter, missing, LINE_BYTES, CELL_BYTES, COLUMNS, ROWS);
    }

    /** The same config with other limits. */
    public CsvConfig withLimits(int lineBytes, int cellBytes, int columns, int rows) {
        return new CsvConfig(path, delimiter, missing, lineBytes, cellBytes, columns, rows);
    }
}
