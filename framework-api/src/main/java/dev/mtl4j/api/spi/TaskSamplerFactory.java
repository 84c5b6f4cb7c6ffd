package dev.mtl4j.api.spi;

/** Makes task samplers ({@code training: { sampler: { type: temperature, temperature: 2.0 } }}). */
public interface TaskSamplerFactory<C extends Record> extends ComponentFactory<C> {

    TaskSampler create(C config);
}
