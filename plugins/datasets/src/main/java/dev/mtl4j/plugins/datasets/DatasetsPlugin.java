package dev.mtl4j.plugins.datasets;

import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.Plugin;
import java.util.List;

/** The built-in data sources: {@code csv}. */
public final class DatasetsPlugin implements Plugin {

    @Override
    public String name() {
        return "datasets";
    }

    @Override
    public List<DatasetFactory<?>> datasets() {
        return List.of(new CsvDatasetFactory());
    }
}
