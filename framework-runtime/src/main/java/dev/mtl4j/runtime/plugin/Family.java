package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.HeadFactory;
import dev.mtl4j.api.spi.SharingStrategyFactory;

/** The kinds of component a plugin can provide, each with its own name space of types. */
public enum Family {
    ENCODER("encoder", EncoderFactory.class),
    HEAD("head", HeadFactory.class),
    SHARING("sharing strategy", SharingStrategyFactory.class),
    DATASET("data set", DatasetFactory.class);

    private final String label;
    private final Class<? extends ComponentFactory> factoryType;

    Family(String label, Class<? extends ComponentFactory> factoryType) {
        this.label = label;
        this.factoryType = factoryType;
    }

    /** How messages name the family: "encoder", "sharing strategy". */
    public String label() {
        return label;
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends ComponentFactory> factoryType() {
        return factoryType;
    }
}
