package dev.mtl4j.spark;

import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.Plugin;
import java.util.List;

/** What mtl4j-spark adds to a pipeline's components: the {@code parquet} data source. */
public final class SparkPlugin implements Plugin {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<DatasetFactory<?>> datasets() {
        return List.of(new ParquetDatasetFactory());
    }
}
