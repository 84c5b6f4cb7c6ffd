package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spi.RawTable;

/**
 * Some rows of one table: a chunk an encoding is fitted on. Several chunks (the training rows of
 * several data sets; later, partitions of a distributed data set) fit one encoding together, each
 * cell read in its own table, so a bad one is named in its own file.
 *
 * @param table the table
 * @param rows row indexes into it
 */
public record Rows(RawTable table, int[] rows) {

    /** The index of {@code column} in this chunk's table (resolved before fitting, so it exists). */
    int index(String column) {
        int index = table.columnIndex(column);
        if (index < 0) {
            throw new IllegalStateException(table.origin() + " has no column '" + column + "'");
        }
        return index;
    }
}
