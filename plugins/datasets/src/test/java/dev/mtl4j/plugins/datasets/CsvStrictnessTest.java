package dev.mtl4j.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every cell UTF-8, every size bounded: a bad file ends in one line naming where, never in a silent change or a heap full of text. */
final class CsvStrictnessTest {

    @TempDir
    Path dir;

    private final CsvDatasetFactory factory = new CsvDatasetFactory();

    @Test
    void bytesThatAreNotUtf8NameRowAndColumn() throws IOException {
        // "café" in Latin-1: today's decoders would turn it into "caf\uFFFD", a new category
        Path file = write("t.csv", bytes("a,b\nx,ok\ny,caf"), new byte[] {(byte) 0xE9}, bytes("\n"));
        assertFails(file, ErrorCategory.DATA_INVALID, file + ": row 2 (line 3), column 'b': bytes that are not UTF-8 (0xE9) at byte 4"
                + " of the cell; save the file as UTF-8");
        Path header = write("h.csv", bytes("a,"), new byte[] {(byte) 0xC0, (byte) 0xAF}, bytes("\n1,2\n"));
        assertFails(header, ErrorCategory.DATA_INVALID, header + ": line 1: header cell 2: bytes that are not UTF-8 (0xC0 0xAF)");
    }

    @Test
    void strictUtf8RefusesSurrogatesAndOverlongFormsAndKeepsEveryValidCharacter() {
        assertThat(invalidAt(0xED, 0xA0, 0x80)).isZero();          // a UTF-16 surrogate
        assertThat(invalidAt(0xE0, 0x80, 0xAF)).isZero();          // overlong '/'
        assertThat(invalidAt(0xF4, 0x90, 0x80, 0x80)).isZero();    // past U+10FFFF
        assertThat(invalidAt('a', 0xE2, 0x9C)).isEqualTo(1);        // cut short
        String valid = "aé✓\uD83D\uDE00\u07FF\uFFFD";
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(utf8, 0, utf8.length)).isEqualTo(-1);
    }

    @Test
    void multiByteCharactersAcrossTheReadBufferAreKept() throws IOException {
        String text = "é".repeat(70_000) + "✓";
        Files.writeString(dir.resolve("t.csv"), "a,b\n" + text + ",\"" + text + "\"\n", StandardCharsets.UTF_8);
        RawTable table = read(CsvConfig.of("t.csv"));
        assertThat(table.cell(0, 0)).isEqualTo(text);
        assertThat(table.cell(0, 1)).isEqualTo(text);
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderIsDropped() throws IOException {
        Files.writeString(dir.resolve("t.csv"), "\uFEFF\"INCOME\",\"SEX\"\n\"1\",\"F\"\n", StandardCharsets.UTF_8);
        assertThat(read(CsvConfig.of("t.csv")).columns()).containsExactly("INCOME", "SEX");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void devZeroEndsQuicklyInOneLine() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;
        }
        assertFails(zero, ErrorCategory.DATA_INVALID, "/dev/zero: line 1: header cell 1: a NUL byte (0x00) at byte 1 of the cell:"
                + " the file looks binary, not CSV text");
    }

    @Test
    void aBinaryFileIsNamedAsSuch() throws IOException {
        byte[] noise = new byte[200_000];
        new Random(3).nextBytes(noise);
        Path file = write("model.bin", noise);
        MtlException error = catchError(file);
        assertThat(error.category()).isEqualTo(ErrorCategory.DATA_INVALID);
        assertThat(error.getMessage()).startsWith(file + ": line ").doesNotContain("\n")
                .containsAnyOf("not UTF-8", "NUL byte");
    }

    @Test
    void eachLimitIsAnErrorNamingItsParameter() throws IOException {
        write("cell.csv", bytes("a,b\n1,2\n3," + "x".repeat(100) + "\n"));
        assertThatThrownBy(() -> read(CsvConfig.of("cell.csv").withLimits(1000, 50, 10, 10)))
                .isInstanceOfSatisfying(MtlException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.RESOURCE_EXHAUSTED))
                .hasMessage(dir.resolve("cell.csv") + ": row 2 (line 3), column 'b': a cell longer than 50 bytes (the csv"
                        + " source's maxCellBytes; raise it if the file is right)");
        write("line.csv", bytes("a,b,c\n1,2,3\n" + "1,".repeat(40) + "2\n"));
        assertThatThrownBy(() -> read(CsvConfig.of("line.csv").withLimits(60, 50, 10, 10)))
                .hasMessageStartingWith(dir.resolve("line.csv") + ": line 3: a line longer than 60 bytes (the csv source's maxLineBytes");
        write("wide.csv", bytes("a,b,c,d\n1,2,3,4\n"));
        assertThatThrownBy(() -> read(CsvConfig.of("wide.csv").withLimits(1000, 50, 3, 10)))
                .hasMessageStartingWith(dir.resolve("wide.csv") + ": line 1: more than 3 columns (the csv source's maxColumns");
        write("long.csv", bytes("a\n1\n2\n3\n"));
        assertThatThrownBy(() -> read(CsvConfig.of("long.csv").withLimits(1000, 50, 3, 2)))
                .hasMessageStartingWith(dir.resolve("long.csv") + ": line 4: more than 2 rows (the csv source's maxRows");
        assertThat(read(CsvConfig.of("long.csv").withLimits(1000, 50, 3, 3)).size()).isEqualTo(3);
    }

    @Test
    void aQuoteNeverClosedInALargeFileStopsAtTheCellLimitAndSaysWhy() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n1,\"open\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(i).append(",text\n");
        }
        Files.writeString(dir.resolve("t.csv"), csv);
        assertThatThrownBy(() -> read(CsvConfig.of("t.csv").withLimits(1 << 20, 1000, 10, 100)))
                .hasMessage(dir.resolve("t.csv") + ": row 1 (line 2), column 'b': a cell longer than 1000 bytes (a quote"
                        + " opened there and never closed?) (the csv source's maxCellBytes; raise it if the file is right)");
    }

    @Test
    void aDelimiterOutsideAsciiIsAConfigError() {
        // Checked by the config record, so that a pipeline file reports it at the line of the key (CONFIG_INVALID).
        assertThatThrownBy(() -> new CsvConfig("t.csv", "§", List.of("")))
                .isInstanceOfSatisfying(dev.mtl4j.api.spec.SpecException.class, e -> assertThat(e.key()).isEqualTo("delimiter"))
                .hasMessageContaining("one ASCII character");
    }

    private void assertFails(Path file, ErrorCategory category, String messageStart) {
        MtlException error = catchError(file);
        assertThat(error.category()).isEqualTo(category);
        assertThat(error.getMessage()).startsWith(messageStart).doesNotContain("\n");
    }

    private MtlException catchError(Path file) {
        try {
            read(CsvConfig.of(file.toString()));
        } catch (MtlException e) {
            return e;
        }
        throw new AssertionError(file + " was read without an error");
    }

    private RawTable read(CsvConfig config) {
        return factory.create(config, new DataContext(dir)).read();
    }

    private static int invalidAt(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Utf8.firstInvalid(bytes, 0, bytes.length);
    }

    private Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
