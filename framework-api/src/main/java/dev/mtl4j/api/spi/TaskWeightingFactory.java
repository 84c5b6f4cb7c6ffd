package dev.mtl4j.api.spi;

/**
 * Makes task-weighting methods ({@code training: { weighting: { type: dwa, temperature: 2.0 } }}). The
 * runtime makes a fresh method for every training run and {@link TaskWeighting#start starts} it.
 */
public interface TaskWeightingFactory<C extends Record> extends ComponentFactory<C> {

    TaskWeighting create(C config);
}
