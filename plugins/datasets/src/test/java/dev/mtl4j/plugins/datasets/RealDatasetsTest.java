package dev.mtl4j.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Reads the bundled real data sets in {@code examples/data}. */
final class RealDatasetsTest {

    private final CsvDatasetFactory factory = new CsvDatasetFactory();

    @Test
    void income() {
        RawTable table = read("income_marketing.csv");
        assertThat(table.size()).isEqualTo(8993);
        assertThat(table.columns()).hasSize(14).startsWith("INCOME", "SEX", "MARITAL.STATUS");
        assertThat(table.cell(0, 13)).isNull();
        long complete = java.util.stream.IntStream.range(0, table.size())
                .filter(r -> Arrays.stream(table.row(r)).allMatch(Objects::nonNull)).count();
        assertThat(complete).isEqualTo(6876);
    }

    @Test
    void digits() {
        RawTable table = read("sklearn_digits.csv");
        assertThat(table.size()).isEqualTo(1797);
        assertThat(table.columns()).hasSize(65).endsWith("label");
    }

    private RawTable read(String name) {
        Path file = datasets().resolve(name);
        return factory.create(CsvConfig.of(file.toString()), new DataContext(Path.of("."))).read();
    }

    private static Path datasets() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no examples/data above " + Path.of("").toAbsolutePath());
    }
}
