package dev.mtl4j.examples.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded synthetic table for the Spark benchmark: eight numeric features, two categorical ones,
 * a four-class task ({@code band}, from a non-linear score cut at its quartiles) and a regression
 * task ({@code level}), both with noise, so that a network learns something measurable.
 */
final class SyntheticRows {
    static final String[] SHADES = {"a", "b", "c", "d", "e"};
    static final String[] SITES = {"p", "q", "r"};

    private SyntheticRows() {
    }

    static void write(Path out, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writer.write("x0,x1,x2,x3,x4,x5,x6,x7,shade,site,band,level\n");
            double[] x = new double[8];
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = random.nextGaussian();
                }
                int shade = random.nextInt(SHADES.length);
                int site = random.nextInt(SITES.length);
                double score = Math.sin(2 * x[0]) + x[1] * x[2] + 0.5 * x[3] + 0.4 * (shade - 2) + 0.3 * random.nextGaussian();
                // four bands of the score (their shares are printed by the benchmark)
                int band = score < -0.72 ? 0 : score < 0.0 ? 1 : score < 0.72 ? 2 : 3;
                double level = x[4] - x[5] * x[5] + 0.3 * x[6] + (site - 1) * 0.5 + 0.2 * random.nextGaussian();
                line.setLength(0);
                for (double value : x) {
                    line.append(String.format(Locale.ROOT, "%.4f,", value));
                }
                line.append(SHADES[shade]).append(',').append(SITES[site]).append(',').append(band).append(',')
                        .append(String.format(Locale.ROOT, "%.4f", level)).append('\n');
                writer.write(line.toString());
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
    }
}
