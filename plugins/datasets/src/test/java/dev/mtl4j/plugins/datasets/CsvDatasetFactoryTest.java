package dev.mtl4j.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.Param;
import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TableSource;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvDatasetFactoryTest {

    @TempDir
    Path dir;

    private final CsvDatasetFactory factory = new CsvDatasetFactory();

    @Test
    void pluginIsFoundByServiceLoader() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(plugins).hasSize(1);
        assertThat(plugins.get(0).datasets()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("csv");
            assertThat(f.description()).endsWith(".");
            assertThat(f.configType()).isEqualTo(CsvConfig.class);
        });
    }

    @Test
    void everyConfigComponentIsDocumented() {
        for (RecordComponent component : CsvConfig.class.getRecordComponents()) {
            Param param = component.getAnnotation(Param.class);
            assertThat(param).as(component.getName()).isNotNull();
            assertThat(param.doc()).as(component.getName()).isNotBlank();
        }
        assertThat(CsvConfig.class.getRecordComponents()[0].getAnnotation(Param.class).defaultValue())
                .isEqualTo(Param.REQUIRED);
        assertThat(CsvConfig.class.getRecordComponents()[1].getAnnotation(Param.class).defaultValue()).isEqualTo(",");
        assertThat(CsvConfig.class.getRecordComponents()[2].getAnnotation(Param.class).defaultValue())
                .isEqualTo("[\"\"]");
    }

    @Test
    void readsQuotingAsRfc4180Says() throws IOException {
        write("t.csv", "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\",\r\n\"3\",,z\r\n");
        RawTable table = read("t.csv");
        assertThat(table.columns()).containsExactly("a", "b", "c");
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.row(0)).containsExactly("1", "x, y", "say \"hi\"");
        assertThat(table.row(1)).containsExactly("2", "two\r\nlines", null);
        assertThat(table.row(2)).containsExactly("3", null, "z");
        assertThat(lines(table)).containsExactly(2, 3, 5);
        assertThat(table.origin()).isEqualTo(dir.resolve("t.csv").toString());
    }

    @Test
    void lastLineWithoutLineBreakAndEmptyLinesAreFine() throws IOException {
        write("t.csv", "\uFEFFa;b\n\n1;2\n\n3;4");
        TableSource source = factory.create(new CsvConfig("t.csv", ";", List.of("")), new DataContext(dir));
        RawTable table = source.read();
        assertThat(table.columns()).containsExactly("a", "b");
        assertThat(List.of(table.row(0), table.row(1))).extracting(Arrays::asList).containsExactly(List.of("1", "2"), List.of("3", "4"));
        assertThat(table.size()).isEqualTo(2);
        assertThat(lines(table)).containsExactly(3, 5);
    }

    @Test
    void listedTextsAreMissing() throws IOException {
        write("t.csv", "a,b\nNA,\n?,x\n");
        TableSource source = factory.create(new CsvConfig("t.csv", ",", List.of("NA", "?")), new DataContext(dir));
        RawTable table = source.read();
        assertThat(table.row(0)).containsExactly(null, "");
        assertThat(table.row(1)).containsExactly(null, "x");
    }

    @Test
    void filesIsTheResolvedPath() {
        TableSource source = factory.create(CsvConfig.of("sub/../t.csv"), new DataContext(dir));
        assertThat(source.files()).containsExactly(dir.resolve("t.csv"));
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> read("nope.csv"))
                .isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessage(dir.resolve("nope.csv") + ": data file not found");
    }

    @Test
    void wrongCellCountNamesTheLine() throws IOException {
        write("t.csv", "a,b,c\n1,2,3\n\"multi\nline\",2,3\n1,2\n");
        assertThatThrownBy(() -> read("t.csv"))
                .isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessage(dir.resolve("t.csv") + ": line 5: expected 3 cells, found 2");
        write("u.csv", "a,b\n1,2,3\n");
        assertThatThrownBy(() -> read("u.csv")).hasMessage(dir.resolve("u.csv") + ": line 2: expected 2 cells, found 3");
    }

    @Test
    void duplicateHeaderNamesAreNamed() throws IOException {
        write("t.csv", "a,b,a,c,b\n1,2,3,4,5\n");
        assertThatThrownBy(() -> read("t.csv"))
                .isInstanceOf(MtlException.class)
                .hasMessage(dir.resolve("t.csv") + ": line 1: the header names columns twice: 'a', 'b'");
    }

    @Test
    void unterminatedQuoteNamesTheLineItOpensOn() throws IOException {
        write("t.csv", "a,b\n1,2\n3,\"open\nmore\n");
        assertThatThrownBy(() -> read("t.csv"))
                .isInstanceOf(MtlException.class)
                .hasMessageStartingWith(dir.resolve("t.csv") + ": line 3: a quoted cell is never closed");
    }

    @Test
    void emptyFileAndBadDelimiterAreErrors() throws IOException {
        write("t.csv", "");
        assertThatThrownBy(() -> read("t.csv")).hasMessageContaining("the file is empty");
        // Checked by the config record, so that a pipeline file reports it at the line of the key.
        assertThatThrownBy(() -> new CsvConfig("t.csv", ";;", List.of("")))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo("delimiter"));
        assertThatThrownBy(() -> new CsvConfig(" ", ",", List.of("")))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo("path"));
    }

    @Test
    void longCellsCrossBufferBoundaries() throws IOException {
        String longText = "x".repeat(200_000);
        write("t.csv", "a,b\n" + longText + ",\"" + longText + "\"\n1,2\n");
        RawTable table = read("t.csv");
        assertThat(table.cell(0, 0)).hasSize(200_000);
        assertThat(table.cell(0, 1)).isEqualTo(longText);
        assertThat(table.cell(1, 1)).isEqualTo("2");
    }

    static int[] lines(RawTable table) {
        return java.util.stream.IntStream.range(0, table.size()).map(table::line).toArray();
    }

    private RawTable read(String name) {
        return factory.create(CsvConfig.of(name), new DataContext(dir)).read();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
