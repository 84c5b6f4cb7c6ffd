package dev.mtl4j.api.spi;

/** Makes encoders: the shared body that tasks read from. */
public interface EncoderFactory<C extends Record> extends ComponentFactory<C> {

    Encoder create(C config);
}
