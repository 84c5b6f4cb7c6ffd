package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.RawTableBuilder;
import dev.mtl4j.api.spi.TableSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A generated table with a learnable label for every kind of head: numeric features {@code x0..x3},
 * a {@code text} column whose words follow the signs of x0 and x1, and labels {@code value},
 * {@code other} and {@code third} (numbers), {@code class} (a, b or c), {@code flag} (yes or no) and {@code tag_a}, {@code tag_b} (0 or 1),
 * each a function of the features.
 */
final class StandInRows implements TableSource {
    static final List<String> FEATURES = List.of("x0", "x1", "x2", "x3");
    static final String TEXT = "text";
    static final List<String> COLUMNS = List.of("x0", "x1", "x2", "x3", "text", "value", "other", "third", "class", "flag",
            "tag_a", "tag_b");
    /** The numeric labels, one per task where several regression tasks are needed. */
    static final List<String> NUMBERS = List.of("value", "other", "third");

    private final StandIns.RowsConfig config;

    StandInRows(StandIns.RowsConfig config) {
        this.config = config;
    }

    @Override
    public RawTable read() {
        Random random = new Random(config.seed());
        RawTableBuilder table = RawTable.builder(StandIns.DATASET, COLUMNS);
        for (int row = 0; row < config.rows(); row++) {
            double[] x = {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1,
                    random.nextDouble() * 2 - 1};
            double value = 2 * x[0] + x[1] - x[2] + 0.1 * random.nextGaussian();
            String text = (x[0] > 0 ? "bright sunny" : "dark rainy") + " day " + (x[1] > 0 ? "warm wind" : "cold wind");
            String category = x[0] > 0.3 ? "a" : x[0] < -0.3 ? "b" : "c";
            double other = x[0] - x[1] + x[3];
            double third = 2 * x[2] - x[3];
            table.addRow(row + 2, number(x[0]), number(x[1]), number(x[2]), number(x[3]), text, number(value), number(other),
                    number(third), category,
                    value > 0 ? "yes" : "no", x[0] > 0 ? "1" : "0", x[1] > 0 ? "1" : "0");
        }
        return table.build();
    }

    @Override
    public List<Path> files() {
        return List.of();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }
}
