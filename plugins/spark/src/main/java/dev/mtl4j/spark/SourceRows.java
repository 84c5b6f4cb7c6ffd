package dev.mtl4j.spark;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.RawTable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A pipeline's data as Spark reads it: every row's cells as text with its index in file order, and
 * the header. A {@code csv} source is read by Spark's CSV reader with the pipeline's delimiter and
 * missing-value texts; a {@code parquet} source (or any DataFrame a program hands in) has its values
 * written as text, so that one encoder reads both as a CSV's cells would be read.
 *
 * @param origin the file or URI, for messages
 * @param columns the header
 * @param rows every row, indexed in file order
 * @param file the local file read, for the model's provenance, or null for a URI or a DataFrame
 */
record SourceRows(String origin, List<String> columns, JavaRDD<IndexedCells> rows, Path file) {

    /**
     * Reads the pipeline's {@code data.source}.
     *
     * @param baseDirectory where a relative path is resolved (the pipeline file's folder)
     */
    static SourceRows read(SparkSession spark, ComponentSpec source, Path baseDirectory) {
        Object path = source.params().get("path");
        if (!(path instanceof String text) || text.isBlank()) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("data.source.path", "is required"));
        }
        boolean uri = URI.create(text.replace(" ", "%20")).getScheme() != null && !text.matches("^[A-Za-z]:.*");
        Path local = uri ? null : baseDirectory.resolve(text).normalize();
        if (local != null && !Files.exists(local)) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed("data.source.path", "file not found: " + local));
        }
        String location = uri ? text : local.toString();
        Dataset<Row> frame = switch (source.type()) {
            case "csv" -> spark.read().option("header", "true").option("inferSchema", "false")
                    .option("sep", String.valueOf(source.params().getOrDefault("delimiter", ",")))
                    .option("mode", "FAILFAST").option("encoding", "UTF-8").csv(location);
            case "parquet" -> spark.read().parquet(location);
            default -> throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("data.source.type",
                    "Spark reads csv and parquet sources, not '" + source.type() + "'"));
        };
        return of(location, frame, missing(source), local != null && Files.isRegularFile(local) ? local : null);
    }

    /** A DataFrame a program read itself (any source Spark reads), its values as text. */
    static SourceRows of(String origin, Dataset<Row> frame, Set<String> missing, Path file) {
        List<String> columns = Arrays.asList(frame.columns());
        int width = columns.size();
        JavaRDD<IndexedCells> rows = frame.javaRDD().zipWithIndex().map(pair -> {
            Row row = pair._1();
            String[] cells = new String[width];
            for (int c = 0; c < width; c++) {
                Object value = row.isNullAt(c) ? null : row.get(c);
                String cell = value == null ? null : value.toString();
                cells[c] = cell == null || missing.contains(cell) ? null : cell;
            }
            return new IndexedCells(pair._2(), cells);
        });
        return new SourceRows(origin, List.copyOf(columns), rows, file);
    }

    /** The header as a table of no rows: what the runtime's feature resolution reads. */
    RawTable header() {
        return RawTable.builder(origin, columns).build();
    }

    private static Set<String> missing(ComponentSpec source) {
        Object missing = source.params().get("missing");
        Set<String> texts = new HashSet<>();
        if (missing instanceof List<?> list) {
            list.forEach(m -> texts.add(String.valueOf(m)));
        } else {
            texts.add("");
        }
        return texts;
    }
}
