package dev.mtl4j.plugins.datasets;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one CSV file (RFC 4180): a header line, then rows of cells separated by one delimiter
 * character; a quoted cell may hold delimiters, doubled quotes and line breaks; lines end in LF or
 * CRLF. Empty lines are skipped. A scanner over a char buffer, not a regex per cell, so that a few
 * megabytes read in milliseconds.
 */
final class CsvReader {
    private static final int EOF = -1;

    private final Path file;
    private final String origin;
    private final char delimiter;
    private final Set<String> missing;
    private final boolean onlyEmptyIsMissing;
    private final StringBuilder cell = new StringBuilder();
    private final char[] buffer = new char[1 << 16];
    private Reader in;
    private int position;
    private int limit;
    private int line = 1;
    private int recordStart;

    CsvReader(Path file, char delimiter, Set<String> missing) {
        this.file = file;
        this.origin = file.toString();
        this.delimiter = delimiter;
        this.missing = missing;
        this.onlyEmptyIsMissing = missing.size() == 1 && missing.contains("");
    }

    RawTable read() {
        if (Files.isDirectory(file)) {
            throw invalid(Location.file(origin), "is a directory, not a data file");
        }
        try (Reader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), buffer.length)) {
            in = reader;
            return readTable();
        } catch (NoSuchFileException e) {
            throw invalid(Location.file(origin), "data file not found");
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, Problem.at(Location.file(origin), "cannot read: " + e.getMessage()), e);
        }
    }

    private RawTable readTable() throws IOException {
        List<String> header = new ArrayList<>();
        if (readRecord(header, null) < 0) {
            throw invalid(Location.file(origin), "the file is empty; expected a header line");
        }
        if (!header.isEmpty() && header.get(0) != null && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        checkHeader(header);
        int width = header.size();
        List<String[]> rows = new ArrayList<>();
        int[] lines = new int[1024];
        String[] cells = new String[width];
        while (true) {
            int found = readRecord(null, cells);
            int start = recordStart;
            if (found < 0) {
                break;
            }
            if (found != width) {
                throw invalid(Location.line(origin, start), "expected " + width + " cells, found " + found);
            }
            if (rows.size() == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[rows.size()] = start;
            rows.add(cells.clone());
        }
        return new RawTable(origin, header, rows, Arrays.copyOf(lines, rows.size()));
    }

    private void checkHeader(List<String> header) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isBlank()) {
                throw invalid(Location.line(origin, 1), "header cell " + (i + 1) + " has no column name");
            }
            if (!seen.add(name)) {
                duplicates.add(name);
            }
        }
        if (!duplicates.isEmpty()) {
            throw invalid(Location.line(origin, 1), "the header names " + (duplicates.size() == 1 ? "a column" : "columns")
                    + " twice: '" + String.join("', '", duplicates) + "'");
        }
    }

    /**
     * Reads the next non-empty record into {@code list} (the header) or {@code cells} (a row, cells
     * beyond its length only counted). Returns the number of cells, or -1 at the end of the file.
     * Header cells are kept as written: the missing-value texts apply to rows only.
     */
    private int readRecord(List<String> list, String[] cells) throws IOException {
        int c = peek();
        while (c == '\n' || c == '\r') {
            skipLineEnd();
            c = peek();
        }
        if (c == EOF) {
            return -1;
        }
        recordStart = line;
        int count = 0;
        while (true) {
            String value = readCell();
            if (list != null) {
                list.add(value);
            } else if (count < cells.length) {
                cells[count] = isMissing(value) ? null : value;
            }
            count++;
            c = peek();
            if (c == delimiter) {
                position++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                skipLineEnd();
            }
            return count;
        }
    }

    private boolean isMissing(String value) {
        return onlyEmptyIsMissing ? value.isEmpty() : missing.contains(value);
    }

    /** Reads one cell, leaving the position at its delimiter, line end or the end of the file. */
    private String readCell() throws IOException {
        if (peek() == '"') {
            return readQuoted();
        }
        // Fast path: the unquoted cell ends inside the buffer.
        int start = position;
        for (int i = start; i < limit; i++) {
            char c = buffer[i];
            if (c == delimiter || c == '\n' || c == '\r') {
                position = i;
                return new String(buffer, start, i - start);
            }
        }
        cell.setLength(0);
        readUnquotedRest();
        return cell.toString();
    }

    private void readUnquotedRest() throws IOException {
        while (true) {
            int c = peek();
            if (c == EOF || c == delimiter || c == '\n' || c == '\r') {
                return;
            }
            cell.append((char) c);
            position++;
        }
    }

    private String readQuoted() throws IOException {
        int opened = line;
        position++;
        cell.setLength(0);
        while (true) {
            int c = next();
            if (c == EOF) {
                throw invalid(Location.line(origin, opened), "a quoted cell is never closed (a '\"' is missing)");
            }
            if (c == '"') {
                if (peek() == '"') {
                    position++;
                    cell.append('"');
                } else {
                    break;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                cell.append((char) c);
            }
        }
        // Lenient: text between the closing quote and the delimiter is kept as written.
        readUnquotedRest();
        return cell.toString();
    }

    private void skipLineEnd() throws IOException {
        if (next() == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int next() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private static MtlException invalid(Location where, String problem) {
        return new MtlException(ErrorCategory.DATA_INVALID, Problem.at(where, problem));
    }
}
