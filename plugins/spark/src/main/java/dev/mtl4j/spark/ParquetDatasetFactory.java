package dev.mtl4j.spark;

import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.RawTableBuilder;
import dev.mtl4j.api.spi.TableSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code type: parquet}: a Parquet file or folder. Training on Spark reads it as a DataFrame where it
 * lies; on one machine ({@code MtlRuntime.evaluate} and {@code predict} of a model trained on it) it is
 * read through Spark in local mode into a table, every value as text, as a CSV cell would be.
 */
public final class ParquetDatasetFactory implements DatasetFactory<ParquetConfig> {

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public String description() {
        return "Reads rows from a Parquet file or folder through Apache Spark (the mtl4j-spark module); values as text.";
    }

    @Override
    public Class<ParquetConfig> configType() {
        return ParquetConfig.class;
    }

    @Override
    public TableSource create(ParquetConfig config, DataContext context) {
        boolean uri = URI.create(config.path().replace(" ", "%20")).getScheme() != null;
        Path file = uri ? null : context.resolve(config.path());
        String location = uri ? config.path() : file.toString();
        return new TableSource() {
            @Override
            public RawTable read() {
                return readLocally(location);
            }

            @Override
            public List<Path> files() {
                return file == null ? List.of() : List.of(file);
            }
        };
    }

    /** Reads with the running Spark session, or a local one started (and stopped) for this read. */
    private static RawTable readLocally(String location) {
        boolean running = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession spark = SparkSession.builder().master("local[1]").appName("mtl4j parquet")
                .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false").getOrCreate();
        try {
            Dataset<Row> frame = spark.read().parquet(location);
            String[] columns = frame.columns();
            RawTableBuilder table = RawTable.builder(location, List.of(columns));
            int line = 1;
            for (Row row : frame.collectAsList()) {
                for (int c = 0; c < columns.length; c++) {
                    table.add(row.isNullAt(c) ? null : row.get(c).toString());
                }
                table.endRow(line++);
            }
            return table.build();
        } finally {
            if (!running) {
                spark.stop();
            }
        }
    }
}
