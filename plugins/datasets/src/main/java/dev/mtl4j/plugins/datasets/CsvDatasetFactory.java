package dev.mtl4j.plugins.datasets;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
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
        if (config.path() == null || config.path().isBlank()) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, "csv: path is required");
        }
        char delimiter = config.delimiter().length() == 1 ? config.delimiter().charAt(0) : 0;
        if (delimiter <= 0 || delimiter > 127 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, "csv: delimiter must be one ASCII character other than"
                    + " a quote or line break, got '" + config.delimiter() + "'");
        }
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
