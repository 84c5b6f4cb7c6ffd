package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.HeadFactory;
import dev.mtl4j.api.spi.SharingStrategyFactory;
import dev.mtl4j.api.spi.TaskSamplerFactory;
import dev.mtl4j.api.spi.TransferStrategyFactory;

/** The kinds of component a plugin can provide, each with its own name space of types. */
public enum Family {
    ENCODER("encoder", "encoders", EncoderFactory.class),
    HEAD("head", "heads", HeadFactory.class),
    SHARING("sharing strategy", "sharing strategies", SharingStrategyFactory.class),
    TRANSFER("transfer strategy", "transfer strategies", TransferStrategyFactory.class),
    DATASET("data set", "data sets", DatasetFactory.class),
    SAMPLER("task sampler", "task samplers", TaskSamplerFactory.class);

    private final String label;
    private final String plural;
    private final Class<? extends ComponentFactory> factoryType;

    Family(String label, String plural, Class<? extends ComponentFactory> factoryType) {
        this.label = label;
        this.plural = plural;
        this.factoryType = factoryType;
    }

    /** How messages name the family: "encoder", "sharing strategy". */
    public String label() {
        return label;
    }

    /** The family's name in listings: "encoders", "sharing strategies". */
    public String plural() {
        return plural;
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends ComponentFactory> factoryType() {
        return factoryType;
    }
}
