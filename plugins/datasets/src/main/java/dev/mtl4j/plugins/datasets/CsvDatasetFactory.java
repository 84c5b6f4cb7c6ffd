package dev.mtl4j.plugins.datasets;

import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TableSource;
import java.nio.file.Path;
import java.util.List;

/** {@code type: csv} — rows from a delimited text file with a header line (RFC 4180 quoting). */
public final class CsvDatasetFactory implements DatasetFactory<CsvConfig> {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "Reads rows from a UTF-8 CSV file with a header line (RFC 4180 quoting; listed cell texts are missing values;"
                + " line, cell, column and row limits).";
    }

    @Override
    public Class<CsvConfig> configType() {
        return CsvConfig.class;
    }

    @Override
    public TableSource create(CsvConfig config, DataContext context) {
        Path file = context.resolve(config.path());
        return new TableSource() {
            @Override
            public RawTable read() {
                return new CsvReader(file, config).read();
            }

            @Override
            public List<Path> files() {
                return List.of(file);
            }
        };
    }
}
