package dev.mtl4j.examples.bench;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.MtlRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of a CSV file as records (column name to cell text) holding the given columns only. */
final class ExampleRecords {

    private ExampleRecords() {
    }

    static List<Map<String, Object>> read(MtlRuntime runtime, Path file, List<String> columns) {
        RawTable table = runtime.resolver().dataset(ComponentSpec.of("csv").with("path", file.toString()), "data",
                new DataContext(Path.of("").toAbsolutePath())).read();
        List<Map<String, Object>> records = new ArrayList<>(table.size());
        for (int row = 0; row < table.size(); row++) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (String column : columns) {
                record.put(column, table.cell(row, table.columnIndex(column)));
            }
            records.add(record);
        }
        return records;
    }

    /** The value at quantile {@code q} of sorted nanosecond samples, in milliseconds. */
    static double millis(long[] sorted, double q) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
