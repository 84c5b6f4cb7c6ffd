package dev.mtl4j.api.spi;

/**
 * Makes data sources. By convention a source that reads one file names it with a {@code path}
 * parameter, so that {@code mtl eval MODEL FILE} can point the same source at another file.
 */
public interface DatasetFactory<C extends Record> extends ComponentFactory<C> {

    TableSource create(C config, DataContext context);
}
