package dev.mtl4j.examples.bench;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A large CSV in the income survey's format: each row a random row of {@code income_marketing.csv}
 * with two of its cells replaced by the same column's cell in another random row, so the rows are
 * new but keep most of the survey's structure (and its missing cells). Written quoted, as the
 * original.
 */
final class IncomeRows {
    private IncomeRows() {
    }

    static void write(ComponentResolver resolver, Path income, Path out, int rows, long seed) throws IOException {
        RawTable source = resolver.dataset(ComponentSpec.of("csv").with("path", income.toString()), "source",
                new DataContext(Path.of("").toAbsolutePath())).read();
        int width = source.columns().size();
        Random random = new Random(seed);
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writeRow(writer, source.columns().toArray(String[]::new));
            String[] cells = new String[width];
            for (int r = 0; r < rows; r++) {
                int row = random.nextInt(source.size());
                for (int c = 0; c < width; c++) {
                    cells[c] = source.cell(row, c);
                }
                for (int k = 0; k < 2; k++) {
                    int column = random.nextInt(width);
                    cells[column] = source.cell(random.nextInt(source.size()), column);
                }
                writeRow(writer, cells);
            }
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeRow(BufferedWriter writer, String[] cells) throws IOException {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                writer.write(',');
            }
            if (cells[c] != null) {
                writer.write('"');
                writer.write(cells[c].replace("\"", "\"\""));
                writer.write('"');
            }
        }
        writer.write('\n');
    }
}
