package dev.mtl4j.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Reads the shared real data sets (found by walking up to a {@code shared/datasets} folder). */
final class RealDatasetsTest {

    private final CsvDatasetFactory factory = new CsvDatasetFactory();

    @Test
    void income() {
        RawTable table = timedRead("income_marketing.csv");
        assertThat(table.size()).isEqualTo(8993);
        assertThat(table.columns()).hasSize(14).startsWith("INCOME", "SEX", "MARITAL.STATUS");
        assertThat(table.rows().get(0)[13]).isNull();
        long complete = table.rows().stream().filter(r -> Arrays.stream(r).allMatch(Objects::nonNull)).count();
        assertThat(complete).isEqualTo(6876);
    }

    @Test
    void digits() {
        RawTable table = timedRead("sklearn_digits.csv");
        assertThat(table.size()).isEqualTo(1797);
        assertThat(table.columns()).hasSize(65).endsWith("label");
    }

    @Test
    void fineFoodWithLongTexts() {
        RawTable table = timedRead("fine_food_reviews.csv");
        assertThat(table.size()).isEqualTo(5000);
        assertThat(table.columns()).hasSize(4);
        int split = table.columnIndex("split");
        assertThat(table.rows().stream().filter(r -> "train".equals(r[split])).count()).isEqualTo(4000);
    }

    @Test
    void spamAssassin() {
        RawTable table = timedRead("spam_assassin_sample.csv");
        assertThat(table.size()).isEqualTo(2050);
        assertThat(table.columns()).hasSize(7);
    }

    private RawTable timedRead(String name) {
        Path file = datasets().resolve(name);
        factory.create(CsvConfig.of(file.toString()), new DataContext(Path.of("."))).read(); // warm up
        long start = System.nanoTime();
        RawTable table = factory.create(CsvConfig.of(file.toString()), new DataContext(Path.of("."))).read();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("read " + name + ": " + table.size() + " rows in " + millis + " ms");
        assertThat(millis).as("read time of " + name).isLessThan(1000);
        return table;
    }

    private static Path datasets() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/datasets above " + Path.of("").toAbsolutePath());
    }
}
