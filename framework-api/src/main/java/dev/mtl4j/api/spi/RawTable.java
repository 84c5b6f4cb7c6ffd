package dev.mtl4j.api.spi;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of text cells as a data source read them, before any encoding, held in compact columns
 * ({@link RawColumn}: UTF-8 bytes, each repeated value once), never one string per cell. A missing
 * cell reads as {@code null}. Each row remembers the source line it came from, so that a bad cell
 * can be reported as file, row and column ({@link #where}).
 *
 * <p>A data-set plugin makes one with {@link #builder}, appending rows as it reads them, or with
 * {@link #of} from rows it already holds. Tables are immutable.
 */
public final class RawTable {
    private final String origin;
    private final List<String> columns;
    private final RawColumn[] data;
    private final int[] lines;
    private final int size;
    private final Map<String, Integer> indexes;

    RawTable(String origin, List<String> columns, RawColumn[] data, int[] lines, int size) {
        this.origin = origin;
        this.columns = List.copyOf(columns);
        this.data = data;
        this.lines = lines;
        this.size = size;
        this.indexes = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            indexes.put(this.columns.get(i), i);
        }
    }

    /**
     * A builder of a table read from {@code origin} (a file path, for messages) with these columns.
     *
     * @throws IllegalArgumentException when a column name is null or given twice
     */
    public static RawTableBuilder builder(String origin, List<String> columns) {
        return new RawTableBuilder(origin, columns);
    }

    /**
     * A table of the given rows, for sources that hold their rows already and for small tables.
     *
     * @param rows the cells, one array per row, as long as {@code columns}; {@code null} is missing
     * @param lines the source line number of each row (1-based)
     */
    public static RawTable of(String origin, List<String> columns, List<String[]> rows, int[] lines) {
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException("one line number per row needed");
        }
        RawTableBuilder builder = builder(origin, columns);
        for (int r = 0; r < rows.size(); r++) {
            builder.addRow(lines[r], rows.get(r));
        }
        return builder.build();
    }

    /** What the rows were read from (a file path), for messages. */
    public String origin() {
        return origin;
    }

    /** The column names, unique, in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** The index of a column, or -1. */
    public int columnIndex(String column) {
        Integer index = indexes.get(column);
        return index == null ? -1 : index;
    }

    /** Column name to index. */
    public Map<String, Integer> columnIndexes() {
        return Map.copyOf(indexes);
    }

    /** The cells of one column, for consumers that work per distinct value. */
    public RawColumn column(int column) {
        return data[column];
    }

    /** The cell at a row and column, or null when missing. */
    public String cell(int row, int column) {
        return data[column].cell(row);
    }

    /** The cells of one row, {@code null} where missing (a new array each call). */
    public String[] row(int row) {
        String[] cells = new String[data.length];
        for (int column = 0; column < cells.length; column++) {
            cells[column] = data[column].cell(row);
        }
        return cells;
    }

    public boolean isMissing(int row, int column) {
        return data[column].isMissing(row);
    }

    /** The source line a row came from (1-based). */
    public int line(int row) {
        return lines[row];
    }

    /** Where a cell is, for a {@link dev.mtl4j.api.Problem} about it: {@code FILE: row R (line L), column 'C'}. */
    public dev.mtl4j.api.Location locate(int row, int column) {
        return dev.mtl4j.api.Location.cell(origin, row + 1, lines[row], columns.get(column));
    }

    /** "FILE: row R (line L), column 'C'" — {@link #locate} as text. */
    public String where(int row, int column) {
        return locate(row, column).render();
    }

    /** The same cells under other column names (as many, unique), e.g. a task's renamed columns. */
    public RawTable withColumns(List<String> names) {
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.size() + " columns");
        }
        return new RawTable(origin, checkedColumns(names), data, lines, size);
    }

    /** About how many bytes of memory the table holds. */
    public long memoryBytes() {
        long total = 4L * lines.length;
        for (RawColumn column : data) {
            total += column.memoryBytes();
        }
        return total;
    }

    static List<String> checkedColumns(List<String> columns) {
        Set<String> seen = new LinkedHashSet<>();
        for (String column : columns) {
            if (column == null || !seen.add(column)) {
                throw new IllegalArgumentException("column names must be unique and not null: " + columns);
            }
        }
        return List.copyOf(columns);
    }

    @Override
    public String toString() {
        return "RawTable[" + origin + ", " + size + " rows, columns " + columns + "]";
    }
}
