package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.TableSource;

/**
 * A data-set component with its parameters bound, not yet opened: where relative paths resolve
 * ({@link DataContext}) is known only when a pipeline runs.
 *
 * @param factory the data set's factory
 * @param config its bound config record
 */
public record ConfiguredDataset(DatasetFactory<Record> factory, Record config) {

    /** The table source, with relative paths resolved against {@code context}. */
    public TableSource open(DataContext context) {
        return factory.create(config, context);
    }
}
