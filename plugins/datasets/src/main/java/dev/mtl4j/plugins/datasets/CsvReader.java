package dev.mtl4j.plugins.datasets;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.RawTableBuilder;
import java.io.IOException;
import java.io.InputStream;
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
 * Reads one CSV file into a compact {@link RawTable}, streaming: each cell's bytes go from the read
 * buffer into the table's columns, so memory holds the table, not the file's text. Every cell must be
 * UTF-8; every line, cell, the columns and the rows are bounded by the source's limits, and a file
 * that passes one ends in a one-line error naming the file, line (and row and column) — a binary
 * file or {@code /dev/zero} after at most one cell limit of bytes.
 */
final class CsvReader {
    private static final int MEMORY_CHECK_ROWS = 1 << 16;

    private final Path file;
    private final String origin;
    private final CsvConfig config;
    private final byte[][] missing;
    private final boolean onlyEmptyIsMissing;
    private List<String> header = List.of();

    CsvReader(Path file, CsvConfig config) {
        this.file = file;
        this.origin = file.toString();
        this.config = config;
        this.missing = config.missing().stream().map(m -> m.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.onlyEmptyIsMissing = missing.length == 1 && missing[0].length == 0;
    }

    RawTable read() {
        if (Files.isDirectory(file)) {
            throw invalid(Location.file(origin), "is a directory, not a data file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            CsvScanner scanner = new CsvScanner(in, (byte) config.delimiter().charAt(0), config.maxCellBytes(),
                    config.maxLineBytes());
            header = readHeader(scanner);
            return readRows(scanner, RawTable.builder(origin, header));
        } catch (NoSuchFileException e) {
            throw invalid(Location.file(origin), "data file not found");
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, Problem.at(Location.file(origin), "cannot read: " + e.getMessage()), e);
        }
    }

    private List<String> readHeader(CsvScanner scanner) throws IOException {
        if (!scanner.nextRecord()) {
            throw invalid(Location.file(origin), "the file is empty; expected a header line");
        }
        List<String> names = new ArrayList<>();
        boolean more = true;
        while (more) {
            if (names.size() == config.maxColumns()) {
                throw overLimit(Location.line(origin, scanner.recordLine()), "more than " + config.maxColumns() + " columns",
                        "maxColumns");
            }
            more = readCell(scanner, Location.line(origin, scanner.recordLine()), "header cell " + (names.size() + 1) + ": ");
            names.add(new String(scanner.bytes(), scanner.from(), scanner.length(), StandardCharsets.UTF_8));
        }
        checkHeader(names, scanner.recordLine());
        return names;
    }

    private RawTable readRows(CsvScanner scanner, RawTableBuilder table) throws IOException {
        int width = header.size();
        while (scanner.nextRecord()) {
            int row = table.rows();
            if (row == config.maxRows()) {
                throw overLimit(Location.line(origin, scanner.recordLine()), "more than " + config.maxRows() + " rows", "maxRows");
            }
            int cells = 0;
            boolean more = true;
            while (more) {
                more = cells < width
                        ? readCell(scanner, Location.cell(origin, row + 1, scanner.recordLine(), header.get(cells)), "")
                        : readCell(scanner, Location.line(origin, scanner.recordLine()), "cell " + (cells + 1) + ": ");
                if (cells < width) {
                    add(table, scanner);
                }
                cells++;
            }
            if (cells != width) {
                throw invalid(Location.line(origin, scanner.recordLine()), "expected " + width + " cells, found " + cells);
            }
            table.endRow(scanner.recordLine());
            if (table.rows() % MEMORY_CHECK_ROWS == 0) {
                checkMemory(table, scanner.recordLine());
            }
        }
        return table.build();
    }

    /**
     * Reads one cell, checked: within the limits and UTF-8. Returns whether the record goes on.
     *
     * @param where the cell, for messages; {@code what} names it further there ("header cell 2: ")
     */
    private boolean readCell(CsvScanner scanner, Location where, String what) throws IOException {
        boolean more;
        try {
            more = scanner.readCell();
        } catch (CsvScanner.Stop stop) {
            throw stopped(stop, where, what, scanner);
        }
        int bad = Utf8.firstInvalid(scanner.bytes(), scanner.from(), scanner.length());
        if (bad >= 0) {
            throw invalid(where, what + Utf8.describe(scanner.bytes(), scanner.from(), scanner.length(), bad));
        }
        return more;
    }

    private void add(RawTableBuilder table, CsvScanner scanner) {
        byte[] bytes = scanner.bytes();
        int from = scanner.from();
        int length = scanner.length();
        if (onlyEmptyIsMissing ? length == 0 : isMissing(bytes, from, length)) {
            table.addMissing();
        } else {
            table.addUtf8(bytes, from, length);
        }
    }

    private boolean isMissing(byte[] bytes, int from, int length) {
        for (byte[] text : missing) {
            if (Arrays.equals(text, 0, text.length, bytes, from, from + length)) {
                return true;
            }
        }
        return false;
    }

    private MtlException stopped(CsvScanner.Stop stop, Location where, String what, CsvScanner scanner) {
        switch (stop.kind) {
            case QUOTE_NOT_CLOSED:
                return invalid(Location.line(origin, stop.line), "a quoted cell is never closed (a '\"' is missing)");
            case LINE_TOO_LONG:
                return overLimit(Location.line(origin, stop.line), "a line longer than " + config.maxLineBytes() + " bytes"
                        + (stop.quoted ? " (a quote opened on it and never closed?)" : ""), "maxLineBytes");
            default:
                byte[] partial = scanner.partialCell();
                int bad = Utf8.firstInvalid(partial, 0, partial.length);
                if (bad >= 0) {
                    return invalid(where, what + Utf8.describe(partial, 0, partial.length, bad));
                }
                return overLimit(where, what + "a cell longer than " + config.maxCellBytes() + " bytes"
                        + (stop.quoted ? " (a quote opened there and never closed?)" : ""), "maxCellBytes");
        }
    }

    private void checkMemory(RawTableBuilder table, int line) {
        long used = table.memoryBytes();
        long allowed = Runtime.getRuntime().maxMemory() / 2;
        if (used > allowed) {
            throw new MtlException(ErrorCategory.RESOURCE_EXHAUSTED, Problem.at(Location.line(origin, line), table.rows()
                    + " rows take " + (used >> 20) + " MB, more than half of the " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB Java may use; give Java more memory (MTL_JAVA_OPTS=-Xmx...) or read a smaller file"));
        }
    }

    private void checkHeader(List<String> names, int line) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                throw invalid(Location.line(origin, line), "header cell " + (i + 1) + " has no column name");
            }
            if (!seen.add(name)) {
                duplicates.add(name);
            }
        }
        if (!duplicates.isEmpty()) {
            throw invalid(Location.line(origin, line), "the header names " + (duplicates.size() == 1 ? "a column" : "columns")
                    + " twice: '" + String.join("', '", duplicates) + "'");
        }
    }

    private static MtlException invalid(Location where, String problem) {
        return new MtlException(ErrorCategory.DATA_INVALID, Problem.at(where, problem));
    }

    /** A limit of the source passed: "... (the csv source's maxRows; raise it if the file is right)". */
    private static MtlException overLimit(Location where, String problem, String limit) {
        return new MtlException(ErrorCategory.RESOURCE_EXHAUSTED, Problem.at(where, problem + " (the csv source's " + limit
                + "; raise it if the file is right)"));
    }
}
