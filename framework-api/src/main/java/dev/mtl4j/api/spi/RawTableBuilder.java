package dev.mtl4j.api.spi;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link RawTable} row by row, as a data source reads it: either a whole row of strings at
 * once ({@link #addRow}), or cell by cell ({@link #add(String)}, {@link #addUtf8}, {@link #addMissing})
 * closed by {@link #endRow}. Cells are stored compactly as they arrive (see {@link RawColumn}); no
 * string is kept per cell. Not thread-safe; one builder makes one table.
 */
public final class RawTableBuilder {
    private final String origin;
    private final List<String> columns;
    private final ColumnBuilder[] cells;
    private int[] lines = new int[1024];
    private int rows;
    private int cell;
    private boolean built;

    RawTableBuilder(String origin, List<String> columns) {
        this.origin = origin;
        this.columns = RawTable.checkedColumns(columns);
        this.cells = new ColumnBuilder[this.columns.size()];
        Arrays.setAll(cells, i -> new ColumnBuilder());
    }

    /** The number of columns. */
    public int width() {
        return cells.length;
    }

    /** The rows added so far. */
    public int rows() {
        return rows;
    }

    /**
     * Adds a row of cells, one per column ({@code null} for a missing cell), read from source line
     * {@code line} (1-based).
     */
    public RawTableBuilder addRow(int line, String... row) {
        if (row.length != cells.length) {
            throw new IllegalArgumentException(origin + ": line " + line + ": " + row.length + " cells for "
                    + cells.length + " columns");
        }
        for (String value : row) {
            add(value);
        }
        return endRow(line);
    }

    /** Adds the next cell of the current row; {@code null} is a missing cell. */
    public RawTableBuilder add(String value) {
        if (value == null) {
            return addMissing();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return addUtf8(utf8, 0, utf8.length);
    }

    /**
     * Adds the next cell of the current row as {@code length} bytes of UTF-8 text at {@code from}
     * (copied; the caller may reuse its buffer). The bytes must be valid UTF-8: the reader that has
     * them is the one that can say where they came from when they are not.
     */
    public RawTableBuilder addUtf8(byte[] source, int from, int length) {
        ColumnBuilder column = next();
        try {
            column.add(source, from, length);
        } catch (IllegalStateException e) {
            throw new MtlException(ErrorCategory.RESOURCE_EXHAUSTED, Problem.at(Location.file(origin), "row " + (rows + 1)
                    + ", column '" + columns.get(cell - 1) + "': " + e.getMessage() + "; split the file or drop the column"));
        }
        return this;
    }

    /** Adds a missing cell to the current row. */
    public RawTableBuilder addMissing() {
        next().addMissing();
        return this;
    }

    /** Ends the current row, which came from source line {@code line} (1-based). */
    public RawTableBuilder endRow(int line) {
        if (cell != cells.length) {
            throw new IllegalStateException(origin + ": line " + line + ": " + cell + " cells for " + cells.length
                    + " columns");
        }
        if (rows == lines.length) {
            lines = Arrays.copyOf(lines, lines.length + (lines.length >> 1));
        }
        lines[rows++] = line;
        cell = 0;
        return this;
    }

    /** About how many bytes of memory the rows added so far take. */
    public long memoryBytes() {
        long total = 4L * lines.length;
        for (ColumnBuilder column : cells) {
            total += column.memoryBytes();
        }
        return total;
    }

    /** The table; the builder cannot be used afterwards. */
    public RawTable build() {
        if (cell != 0) {
            throw new IllegalStateException(origin + ": the last row has " + cell + " of " + cells.length + " cells");
        }
        checkOpen();
        built = true;
        RawColumn[] columnData = new RawColumn[cells.length];
        for (int i = 0; i < cells.length; i++) {
            columnData[i] = cells[i].build();
            cells[i] = null;
        }
        return new RawTable(origin, columns, columnData, Arrays.copyOf(lines, rows), rows);
    }

    private ColumnBuilder next() {
        checkOpen();
        if (cell == cells.length) {
            throw new IllegalStateException(origin + ": row " + (rows + 1) + " has more cells than the "
                    + cells.length + " columns; call endRow");
        }
        return cells[cell++];
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("the table is built already");
        }
    }
}
