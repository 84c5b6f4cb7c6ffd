package dev.mtl4j.api.spi;

/** Makes task heads. */
public interface HeadFactory<C extends Record> extends ComponentFactory<C> {

    Head create(C config);
}
