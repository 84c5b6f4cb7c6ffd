package dev.mtl4j.api.spi;

/** Makes sharing strategies. */
public interface SharingStrategyFactory<C extends Record> extends ComponentFactory<C> {

    SharingStrategy create(C config);
}
