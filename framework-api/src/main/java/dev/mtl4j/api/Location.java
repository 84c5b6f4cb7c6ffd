package dev.mtl4j.api;

import java.util.Objects;

/**
 * Where a {@link Problem} is: a place in a text file such as a pipeline ({@code FILE:LINE:COLUMN}), a
 * line, row or cell of a data file, or a file as a whole. Lines, columns and rows count from 1, as
 * editors do. {@link #render()} is the text a user sees in front of the problem's key and message.
 */
public sealed interface Location {

    /** The file (or other origin) the location is in, as the user named it. */
    String file();

    /** How the location reads in a message. */
    String render();

    /** A file as a whole: {@code FILE}. */
    static Location file(String file) {
        return new File(file);
    }

    /** A place in a text file, such as the key of a pipeline file: {@code FILE:LINE:COLUMN}. */
    static Location position(String file, int line, int column) {
        return new Position(file, line, column);
    }

    /** A line of a data file, before it is a row: {@code FILE: line L}. */
    static Location line(String file, long line) {
        return new Line(file, line);
    }

    /** A cell of a data file: {@code FILE: row R (line L), column 'C'}. */
    static Location cell(String file, long row, long line, String column) {
        return new Cell(file, row, line, column);
    }

    /** A file as a whole. */
    record File(String file) implements Location {
        public File {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String render() {
            return file;
        }
    }

    /** A place in a text file, 1-based line and column. */
    record Position(String file, int line, int column) implements Location {
        public Position {
            Objects.requireNonNull(file, "file");
            if (line < 1 || column < 1) {
                throw new IllegalArgumentException("line and column count from 1, got " + line + ":" + column);
            }
        }

        @Override
        public String render() {
            return file + ":" + line + ":" + column;
        }
    }

    /** A line of a data file (a record that could not be read as a row), 1-based. */
    record Line(String file, long line) implements Location {
        public Line {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String render() {
            return file + ": line " + line;
        }
    }

    /**
     * One cell of a data file.
     *
     * @param row the data row, 1-based, not counting the header
     * @param line the file line the row starts on, 1-based
     * @param column the column's name
     */
    record Cell(String file, long row, long line, String column) implements Location {
        public Cell {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(column, "column");
        }

        @Override
        public String render() {
            return file + ": row " + row + " (line " + line + "), column '" + column + "'";
        }
    }
}
