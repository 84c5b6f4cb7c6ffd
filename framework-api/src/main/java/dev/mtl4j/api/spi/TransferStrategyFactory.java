package dev.mtl4j.api.spi;

/** Makes transfer strategies. */
public interface TransferStrategyFactory<C extends Record> extends ComponentFactory<C> {

    TransferStrategy create(C config);
}
