package dev.mtl4j.api.spi;

import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Rows of text cells as a data source read them, before any encoding. A {@code null} cell is a
 * missing value. Each row remembers the line it came from, so that a bad cell can be reported as
 * file, row and column.
 *
 * @param origin what the rows were read from (a file path), for messages
 * @param columns the column names, unique
 * @param rows the cells, one array per row, as long as {@code columns}
 * @param lines the source line number of each row (1-based)
 */
public record RawTable(String origin, List<String> columns, List<String[]> rows, int[] lines) {

    public RawTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException("one line number per row needed");
        }
        lines = lines.clone();
    }

    public int size() {
        return rows.size();
    }

    /** The index of a column, or -1. */
    public int columnIndex(String column) {
        return columns.indexOf(column);
    }

    public String cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** Where a cell is, for a {@link dev.mtl4j.api.Problem} about it: {@code FILE: row R (line L), column 'C'}. */
    public dev.mtl4j.api.Location locate(int row, int column) {
        return dev.mtl4j.api.Location.cell(origin, row + 1, lines[row], columns.get(column));
    }

    /** "FILE: row R (line L), column 'C'" — {@link #locate} as text. */
    public String where(int row, int column) {
        return locate(row, column).render();
    }

    /** Column name to index. */
    public Map<String, Integer> columnIndexes() {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), i);
        }
        return map;
    }
}
