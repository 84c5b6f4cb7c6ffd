package dev.mtl4j.api.spi;

/**
 * What every component factory has: a short stable name (the {@code type:} in YAML), one line of
 * description, and a config record whose components are annotated with {@link Param}.
 *
 * @param <C> the config record
 */
public interface ComponentFactory<C extends Record> {

    /** The type name used in YAML and the DSL; lower case with dashes, stable across versions. */
    String name();

    /** One sentence that {@code mtl describe} and {@code mtl plugins} show. */
    String description();

    /** The config record the parameters are bound to. */
    Class<C> configType();
}
