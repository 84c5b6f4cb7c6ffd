package dev.mtl4j.runtime.predict;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.RawTableBuilder;
import dev.mtl4j.runtime.suggest.FuzzyMatcher;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records in memory as the table the model's feature encoding reads: one row per record, one column
 * per feature column, each value as the text a CSV file would hold (a number as its decimal text,
 * null as a missing value). A record must name every feature column; it may also hold the model's
 * label and dropped columns (a whole training row), and nothing else — an unknown name is a typo the
 * model would otherwise read as a missing value.
 */
final class RecordTable {
    static final String ORIGIN = "records";

    private final List<String> columns;
    private final Set<String> tolerated;

    /**
     * @param columns the feature columns, in the model's order
     * @param tolerated other names a record may hold (labels, dropped columns), ignored
     */
    RecordTable(List<String> columns, Set<String> tolerated) {
        this.columns = List.copyOf(columns);
        this.tolerated = Set.copyOf(tolerated);
    }

    List<String> columns() {
        return columns;
    }

    RawTable of(List<? extends Map<String, ?>> records) {
        RawTableBuilder table = RawTable.builder(ORIGIN, columns);
        List<Problem> problems = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
            Map<String, ?> record = records.get(r);
            String[] cells = new String[columns.size()];
            for (String key : record.keySet()) {
                if (!columns.contains(key) && !tolerated.contains(key)) {
                    problems.add(Problem.keyed(where(r, key), FuzzyMatcher.unknownKey(key, columns)));
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                String column = columns.get(c);
                if (!record.containsKey(column)) {
                    problems.add(Problem.keyed(where(r, column), "missing; give null for a missing value"));
                    continue;
                }
                try {
                    cells[c] = text(record.get(column));
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.keyed(where(r, column), e.getMessage()));
                }
            }
            table.addRow(r + 1, cells);
        }
        if (!problems.isEmpty()) {
            throw new MtlException(ErrorCategory.DATA_INVALID, problems, null);
        }
        return table.build();
    }

    /** A record's components by name, as a map. */
    static Map<String, Object> fields(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + record.getClass().getName() + "." + component.getName()
                        + " (is the record public?): " + e, e);
            }
        }
        return fields;
    }

    private static String where(int record, String key) {
        return "records[" + record + "]." + key;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("not a finite number: " + d);
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        throw new IllegalArgumentException("expected a string, a number, true/false or null, got " + value.getClass().getSimpleName());
    }
}
