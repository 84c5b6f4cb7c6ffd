package dev.mtl4j.plugins.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits CSV bytes (RFC 4180) into records and cells without decoding them: the delimiter, quotes and
 * line breaks are ASCII, so UTF-8 text can be cut at the byte level. A cell that lies inside the read
 * buffer is handed out in place; one that crosses the buffer's end, or is quoted, is copied into a
 * cell buffer that grows only up to the cell limit. Lines end in LF, CRLF or CR; empty lines are
 * skipped; a quoted cell may hold delimiters, doubled quotes and line breaks.
 */
final class CsvScanner {
    /** A limit passed or a quote left open; the reader says where. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        enum Kind { CELL_TOO_LONG, LINE_TOO_LONG, QUOTE_NOT_CLOSED }

        final Kind kind;
        final int line;
        /** Whether the scanner was inside a quoted cell (an unclosed quote makes the rest of a file one cell). */
        final boolean quoted;

        Stop(Kind kind, int line, boolean quoted) {
            super(kind.name(), null, false, false);
            this.kind = kind;
            this.line = line;
            this.quoted = quoted;
        }
    }

    private final InputStream in;
    private final byte delimiter;
    private final int maxCell;
    private final int maxLine;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long consumed;
    private int line = 1;
    private int recordLine;
    private long recordStart;
    private byte[] cell = new byte[256];
    private int cellLength;
    private boolean quoted;
    private byte[] source;
    private int from;
    private int length;

    CsvScanner(InputStream in, byte delimiter, int maxCell, int maxLine) throws IOException {
        this.in = in;
        this.delimiter = delimiter;
        this.maxCell = maxCell;
        this.maxLine = maxLine;
        fill();
        if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            position = 3; // a byte order mark is not part of the first column's name
        }
    }

    /** Skips empty lines to the next record; false at the end of the input. */
    boolean nextRecord() throws IOException {
        int c = peek();
        while (c == '\n' || c == '\r') {
            skipLineEnd();
            c = peek();
        }
        recordLine = line;
        recordStart = consumed + position;
        return c >= 0;
    }

    /** The line the current record starts on (1-based). */
    int recordLine() {
        return recordLine;
    }

    /**
     * Reads the next cell of the record (see {@link #bytes()}); returns true when the record goes on
     * after it, false when the cell was its last (a line end, consumed, or the end of the input).
     */
    boolean readCell() throws IOException {
        quoted = peek() == '"';
        if (quoted) {
            readQuoted();
        } else {
            readUnquoted();
        }
        quoted = false;
        if (consumed + position - recordStart > maxLine) {
            throw new Stop(Stop.Kind.LINE_TOO_LONG, recordLine, quoted);
        }
        int c = peek();
        if (c == delimiter) {
            position++;
            return true;
        }
        if (c == '\n' || c == '\r') {
            skipLineEnd();
        }
        return false;
    }

    /** The cell's bytes are {@code bytes()[from(), from() + length())}, valid until the next read. */
    byte[] bytes() {
        return source;
    }

    int from() {
        return from;
    }

    int length() {
        return length;
    }

    /** The bytes of the cell being read when a limit stopped it (to tell a binary file from a long cell). */
    byte[] partialCell() {
        return Arrays.copyOf(cell, cellLength);
    }

    private void readUnquoted() throws IOException {
        int start = position;
        for (int i = start; i < limit; i++) {
            byte b = buffer[i];
            if (b == delimiter || b == '\n' || b == '\r') {
                position = i;
                if (i - start > maxCell) {
                    cellLength = 0;
                    append(start, i - start); // throws: the cell is too long
                }
                handOut(buffer, start, i - start);
                return;
            }
        }
        cellLength = 0;
        readRest();
        handOut(cell, 0, cellLength);
    }

    /** Appends unquoted bytes up to the delimiter, line end or end of input. */
    private void readRest() throws IOException {
        while (position < limit || fill()) {
            int start = position;
            int i = start;
            while (i < limit && buffer[i] != delimiter && buffer[i] != '\n' && buffer[i] != '\r') {
                i++;
            }
            append(start, i - start);
            position = i;
            if (i < limit) {
                return;
            }
        }
    }

    private void readQuoted() throws IOException {
        int opened = line;
        position++;
        cellLength = 0;
        while (true) {
            if (position == limit && !fill()) {
                throw new Stop(Stop.Kind.QUOTE_NOT_CLOSED, opened, true);
            }
            int start = position;
            int i = start;
            while (i < limit && buffer[i] != '"') {
                if (buffer[i] == '\n') {
                    line++;
                }
                i++;
            }
            append(start, i - start);
            position = i;
            if (i == limit) {
                continue;
            }
            position++;
            if (peek() != '"') {
                break;
            }
            append(position, 1);
            position++;
        }
        readRest(); // lenient: text between the closing quote and the delimiter is kept as written
        handOut(cell, 0, cellLength);
    }

    private void append(int start, int count) {
        if (cellLength + count > maxCell) {
            count = Math.min(count, maxCell + 1 - cellLength);
            grow(cellLength + count);
            System.arraycopy(buffer, start, cell, cellLength, count);
            cellLength += count;
            throw new Stop(Stop.Kind.CELL_TOO_LONG, recordLine, quoted);
        }
        if (consumed + start + count - recordStart > maxLine) {
            throw new Stop(Stop.Kind.LINE_TOO_LONG, recordLine, quoted);
        }
        grow(cellLength + count);
        System.arraycopy(buffer, start, cell, cellLength, count);
        cellLength += count;
    }

    private void grow(int needed) {
        if (needed > cell.length) {
            cell = Arrays.copyOf(cell, (int) Math.min(Math.max(needed, cell.length * 2L), Integer.MAX_VALUE - 16));
        }
    }

    private void handOut(byte[] bytes, int start, int count) {
        source = bytes;
        from = start;
        length = count;
    }

    private void skipLineEnd() throws IOException {
        if (next() == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private int peek() throws IOException {
        return position < limit || fill() ? buffer[position] & 0xFF : -1;
    }

    private int next() throws IOException {
        return position < limit || fill() ? buffer[position++] & 0xFF : -1;
    }

    private boolean fill() throws IOException {
        consumed += limit;
        position = 0;
        limit = 0;
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        limit = Math.max(read, 0);
        return read > 0;
    }
}
